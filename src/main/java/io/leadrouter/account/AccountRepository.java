package io.leadrouter.account;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AccountRepository extends JpaRepository<Account, String> {

    /** JPQL rather than a derived query: Hibernate 6.6 keeps a JPQL plan's SQL, and translates a derived one per call. */
    @Query("select a from Account a where a.nameKey = :nameKey")
    Optional<Account> findByNameKey(@Param("nameKey") String nameKey);

    /** Candidates for a fuzzy name match: accounts whose key starts like the lead's. */
    List<Account> findByNameKeyStartingWith(String prefix);

    List<Account> findTop500ByNameKeyStartingWithOrderByName(String prefix);

    /** The account with a row lock until the transaction ends: changes to its domains take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.id = :id")
    Optional<Account> findByIdForUpdate(@Param("id") String id);
}
