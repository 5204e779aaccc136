package io.leadrouter.team;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TeamRepository extends JpaRepository<Team, String> {

    /**
     * Loads the team with a row lock held until the transaction ends. Routing a lead within a
     * team takes this lock first, so concurrent routings of one team (threads, job executors,
     * nodes sharing the database) take their turns one after another.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Team t where t.id = :id")
    Optional<Team> findByIdForUpdate(@Param("id") String id);
}
