package io.leadrouter.panel;

import java.time.Instant;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadOutcome;

/** Conversions of a rep: the leads they own that closed with an outcome, counted in the database. */
interface ConvertedLeads extends Repository<Lead, String> {

    @Query("""
            select count(l) from Lead l
            where l.ownerId = :rep and l.outcome = :outcome and l.closedAt >= :since and l.closedAt < :until
            """)
    long countClosed(@Param("rep") String repId, @Param("outcome") LeadOutcome outcome,
                     @Param("since") Instant since, @Param("until") Instant until);
}
