package io.leadrouter.panel;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadStatus;

/** The open leads of a board's reps, read in one query (served by the index on {@code leads.owner_id}). */
interface BoardLeads extends Repository<Lead, String> {

    @Query("""
            select l from Lead l
            where l.ownerId in :reps and l.status in :statuses
            order by l.ownerId, l.slaDueAt, l.followUpAt, l.receivedAt
            """)
    List<Lead> openOf(@Param("reps") Collection<String> repIds, @Param("statuses") Collection<LeadStatus> statuses);
}
