package io.leadrouter.team;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RepAbsenceRepository extends JpaRepository<RepAbsence, String> {

    /** Absences of these reps that cover the instant. */
    @Query("select a from RepAbsence a where a.repId in :repIds and a.startsAt <= :at and a.endsAt > :at")
    List<RepAbsence> findCovering(@Param("repIds") Collection<String> repIds, @Param("at") Instant at);

    List<RepAbsence> findByRepIdAndEndsAtAfterOrderByStartsAt(String repId, Instant after);

    /** When each of these reps last came back from an absence that ended after {@code since}. */
    @Query("""
            select a.repId, max(a.endsAt) from RepAbsence a
            where a.repId in :repIds and a.endsAt > :since and a.endsAt <= :now
            group by a.repId
            """)
    List<Object[]> lastReturns(@Param("repIds") Collection<String> repIds, @Param("since") Instant since,
                               @Param("now") Instant now);
}
