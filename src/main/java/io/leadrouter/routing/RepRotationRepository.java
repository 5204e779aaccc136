package io.leadrouter.routing;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The rotation rows of reps, each with its rep, in the orders the strategies rank reps by. Every
 * query fetches the rep by its primary key along with its row.
 */
interface RepRotationRepository extends JpaRepository<RepRotation, String> {

    /** The team's reps by user id. */
    @Query("select o from RepRotation o join fetch o.rep where o.teamId = :team order by o.repId")
    List<RepRotation> findTeam(@Param("team") String teamId);

    /*
     * The paged orders below name the team id first in ORDER BY and hold a range condition that
     * is always true on the order column: then H2 reads the matching (team_id, column, rep_id)
     * index in order and stops after the page, where it would otherwise pick another index that
     * starts with team_id and sort the whole team for every page (scanCount 1001 against 40 for a
     * 1,000-rep team). The reps table is read by primary key for the rows of the page only.
     */

    /**
     * The team's active, available reps in round-robin order (longest waiting first), one page
     * at a time: large teams are assessed in turn order until someone eligible is found.
     */
    @Query("""
            select o from RepRotation o join fetch o.rep
            where o.teamId = :team and o.roundRobinTicket >= 0 and o.takesLeads = true
            order by o.teamId, o.roundRobinTicket, o.repId""")
    List<RepRotation> findInTurn(@Param("team") String teamId, Pageable page);

    /** Like {@link #findInTurn}, most senior first. */
    @Query("""
            select o from RepRotation o join fetch o.rep
            where o.teamId = :team and o.seniority >= 0 and o.takesLeads = true
            order by o.teamId, o.seniority desc, o.roundRobinTicket, o.repId""")
    List<RepRotation> findBySeniorityInTurn(@Param("team") String teamId, Pageable page);

    /** Like {@link #findInTurn}, reps below the given seniority only. */
    @Query("""
            select o from RepRotation o join fetch o.rep
            where o.teamId = :team and o.roundRobinTicket >= 0 and o.takesLeads = true and o.seniority < :seniority
            order by o.teamId, o.roundRobinTicket, o.repId""")
    List<RepRotation> findInTurnBelow(@Param("team") String teamId, @Param("seniority") int seniority,
                                      Pageable page);

    /** The team's active, available reps by their place in the weighted round-robin rotation, one page. */
    @Query("""
            select o from RepRotation o join fetch o.rep
            where o.teamId = :team and o.weightedTurn >= 0 and o.takesLeads = true
            order by o.teamId, o.weightedTurn, o.repId""")
    List<RepRotation> findInWeightedTurn(@Param("team") String teamId, Pageable page);

    /** The team's active, available reps by their place in the performance-routing rotation, one page. */
    @Query("""
            select o from RepRotation o join fetch o.rep
            where o.teamId = :team and o.performanceTurn >= 0 and o.takesLeads = true
            order by o.teamId, o.performanceTurn, o.repId""")
    List<RepRotation> findInPerformanceTurn(@Param("team") String teamId, Pageable page);

    /**
     * Capacity routing's order for the team's active, available reps without an open-lead cap of
     * their own (their headroom is the default cap minus open leads): fewest open leads first,
     * then longest waiting. Open leads are the count the database keeps on the row
     * ({@link RepRotation#getOpenLeads()}).
     */
    @Query("""
            select o from RepRotation o join fetch o.rep
            where o.teamId = :team and o.maxOpen is null and o.openLeads >= 0 and o.takesLeads = true
            order by o.teamId, o.maxOpen, o.openLeads, o.roundRobinTicket, o.repId""")
    List<RepRotation> findUncappedByOpenLeads(@Param("team") String teamId, Pageable page);

    /**
     * Capacity routing's order for the team's active, available reps with a cap of their own:
     * most headroom (cap minus open leads, a column the database computes) first, then fewest
     * open leads, then longest waiting.
     */
    @Query("""
            select o from RepRotation o join fetch o.rep
            where o.teamId = :team and o.capHeadroom >= -2147483647 and o.takesLeads = true
            order by o.teamId, o.capHeadroom desc, o.openLeads, o.roundRobinTicket, o.repId""")
    List<RepRotation> findCappedByHeadroom(@Param("team") String teamId, Pageable page);
}
