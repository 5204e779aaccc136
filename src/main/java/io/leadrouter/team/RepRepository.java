package io.leadrouter.team;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RepRepository extends JpaRepository<Rep, String> {

    List<Rep> findByTeamIdOrderById(String teamId);

    /** The reps whose manager ({@link Rep#getManagerId()}) is that user. */
    List<Rep> findByManagerIdOrderById(String managerId);

    long countByTeamId(String teamId);

    /** The user ids of the team's reps. */
    @Query("select r.id from Rep r where r.teamId = :team")
    List<String> findIdsByTeamId(@Param("team") String teamId);

    /** Reps of the team who may take leads at all (active, not marked unavailable). */
    long countByTeamIdAndActiveTrueAndAvailableTrue(String teamId);

    List<Rep> findAllByOrderByTeamIdAscIdAsc();

    /** Counts a lead given to the rep, in the database, so concurrent counts are never lost. */
    @Modifying
    @Query("update Rep r set r.leadsAssigned = r.leadsAssigned + 1 where r.id = :id")
    int countAssignment(@Param("id") String id);
}
