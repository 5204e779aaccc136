package io.leadrouter.intake;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContactLockRepository extends JpaRepository<ContactLock, Integer> {

    /** {@code select … for update} of one stripe: held until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ContactLock c where c.stripe = :stripe")
    Optional<ContactLock> lock(@Param("stripe") int stripe);
}
