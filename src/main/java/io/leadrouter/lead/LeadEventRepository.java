package io.leadrouter.lead;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface LeadEventRepository extends JpaRepository<LeadEvent, Long> {

    /** The lead's stored events in the order they happened (by time, then as recorded). */
    List<LeadEvent> findByLeadIdOrderByOccurredAtAscIdAsc(String leadId);
}
