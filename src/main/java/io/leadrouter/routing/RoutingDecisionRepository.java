package io.leadrouter.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RoutingDecisionRepository extends JpaRepository<RoutingDecision, String> {

    List<RoutingDecision> findByLeadIdOrderByDecidedAt(String leadId);

    /** Leads given to each of these reps since the instant (caps, catch-up). */
    @Query("""
            select d.chosenRep, count(d) from RoutingDecision d
            where d.chosenRep in :reps and d.decidedAt >= :since
            group by d.chosenRep
            """)
    List<Object[]> countGivenSince(@Param("reps") Collection<String> reps, @Param("since") Instant since);

    /** Leads given in the team since the instant. */
    @Query("select count(d) from RoutingDecision d where d.teamId = :team and d.decidedAt >= :since and d.chosenRep is not null")
    long countTeamGivenSince(@Param("team") String team, @Param("since") Instant since);

    /** Reps who had this lead before (reassignment never goes back to them). */
    @Query("select distinct d.chosenRep from RoutingDecision d where d.leadId = :leadId and d.chosenRep is not null")
    List<String> previousOwners(@Param("leadId") String leadId);
}
