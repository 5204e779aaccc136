package io.leadrouter.team;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RepRepository extends JpaRepository<Rep, String> {

    List<Rep> findByTeamIdOrderById(String teamId);

    long countByTeamId(String teamId);

    /**
     * The team's active, available reps in round-robin order (longest waiting first), one page
     * at a time: large teams are assessed in turn order until someone eligible is found.
     */
    @Query("""
            select r from Rep r where r.teamId = :team and r.active = true and r.available = true
            order by r.roundRobinTicket, r.id""")
    List<Rep> findInTurn(@Param("team") String teamId, Pageable page);

    /** Like {@link #findInTurn}, most senior first. */
    @Query("""
            select r from Rep r where r.teamId = :team and r.active = true and r.available = true
            order by r.seniority desc, r.roundRobinTicket, r.id""")
    List<Rep> findBySeniorityInTurn(@Param("team") String teamId, Pageable page);

    /** Like {@link #findInTurn}, reps below the given seniority only. */
    @Query("""
            select r from Rep r where r.teamId = :team and r.active = true and r.available = true
              and r.seniority < :seniority
            order by r.roundRobinTicket, r.id""")
    List<Rep> findInTurnBelow(@Param("team") String teamId, @Param("seniority") int seniority, Pageable page);

    List<Rep> findAllByOrderByTeamIdAscIdAsc();

    /** Counts a lead given to the rep, in the database, so concurrent counts are never lost. */
    @Modifying
    @Query("update Rep r set r.leadsAssigned = r.leadsAssigned + 1 where r.id = :id")
    int countAssignment(@Param("id") String id);
}
