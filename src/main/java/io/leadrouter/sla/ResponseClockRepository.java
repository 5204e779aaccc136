package io.leadrouter.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Response clocks. The two queries every routed lead runs are JPQL rather than derived from the
 * method name: Hibernate 6.6 keeps the SQL of a JPQL query's plan, and translates a derived
 * (criteria) query anew on every call.
 */
public interface ResponseClockRepository extends JpaRepository<ResponseClock, String> {

    @Query("""
            select c from ResponseClock c where c.leadId = :leadId and c.result = :result
            order by c.assignedAt desc limit 1
            """)
    Optional<ResponseClock> findLatest(@Param("leadId") String leadId, @Param("result") ResponseClock.Result result);

    List<ResponseClock> findByLeadIdOrderByAssignedAt(String leadId);

    @Query("select case when count(c) > 0 then true else false end from ResponseClock c where c.leadId = :leadId")
    boolean existsByLeadId(@Param("leadId") String leadId);

    default Optional<ResponseClock> findOpen(String leadId) {
        return findLatest(leadId, ResponseClock.Result.OPEN);
    }
}
