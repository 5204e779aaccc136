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

    /*
     * The paged orders below name the team id first in ORDER BY and hold a range condition that
     * is always true on the order column: then H2 reads the matching (team_id, column, id) index
     * in order and stops after the page, where it would otherwise pick the plain team_id index
     * and sort the whole team for every page (scanCount 1001 against 40 for a 1,000-rep team).
     */

    /**
     * The team's active, available reps in round-robin order (longest waiting first), one page
     * at a time: large teams are assessed in turn order until someone eligible is found.
     */
    @Query("""
            select r from Rep r where r.teamId = :team and r.roundRobinTicket >= 0 and r.active = true
              and r.available = true
            order by r.teamId, r.roundRobinTicket, r.id""")
    List<Rep> findInTurn(@Param("team") String teamId, Pageable page);

    /** Like {@link #findInTurn}, most senior first. */
    @Query("""
            select r from Rep r where r.teamId = :team and r.seniority >= 0 and r.active = true
              and r.available = true
            order by r.teamId, r.seniority desc, r.roundRobinTicket, r.id""")
    List<Rep> findBySeniorityInTurn(@Param("team") String teamId, Pageable page);

    /** Like {@link #findInTurn}, reps below the given seniority only. */
    @Query("""
            select r from Rep r where r.teamId = :team and r.roundRobinTicket >= 0 and r.active = true
              and r.available = true and r.seniority < :seniority
            order by r.teamId, r.roundRobinTicket, r.id""")
    List<Rep> findInTurnBelow(@Param("team") String teamId, @Param("seniority") int seniority, Pageable page);

    /** The team's active, available reps by their place in the weighted round-robin rotation, one page. */
    @Query("""
            select r from Rep r where r.teamId = :team and r.weightedTurn >= 0 and r.active = true
              and r.available = true
            order by r.teamId, r.weightedTurn, r.id""")
    List<Rep> findInWeightedTurn(@Param("team") String teamId, Pageable page);

    /** The team's active, available reps by their place in the performance-routing rotation, one page. */
    @Query("""
            select r from Rep r where r.teamId = :team and r.performanceTurn >= 0 and r.active = true
              and r.available = true
            order by r.teamId, r.performanceTurn, r.id""")
    List<Rep> findInPerformanceTurn(@Param("team") String teamId, Pageable page);

    /**
     * Capacity routing's order for the team's active, available reps without an open-lead cap of
     * their own (their headroom is the default cap minus open leads): fewest open leads first,
     * then longest waiting. Open leads are the count the database keeps on the rep's row
     * ({@link Rep#getOpenLeads()}).
     */
    @Query("""
            select r from Rep r where r.teamId = :team and r.maxOpen is null and r.openLeads >= 0 and r.active = true
              and r.available = true
            order by r.teamId, r.maxOpen, r.openLeads, r.roundRobinTicket, r.id""")
    List<Rep> findUncappedByOpenLeads(@Param("team") String teamId, Pageable page);

    /**
     * Capacity routing's order for the team's active, available reps with a cap of their own:
     * most headroom (cap minus open leads, a column the database computes) first, then fewest
     * open leads, then longest waiting.
     */
    @Query("""
            select r from Rep r where r.teamId = :team and r.capHeadroom >= -2147483647 and r.active = true
              and r.available = true
            order by r.teamId, r.capHeadroom desc, r.openLeads, r.roundRobinTicket, r.id""")
    List<Rep> findCappedByHeadroom(@Param("team") String teamId, Pageable page);

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
