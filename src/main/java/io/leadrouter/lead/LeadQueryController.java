package io.leadrouter.lead;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.leadrouter.security.ApiUser;
import io.leadrouter.web.InvalidRequestException;

/** Reading leads: each user reads the leads {@link LeadAccess} lets them see, others are "not found". */
@RestController
@RequestMapping("/api/leads")
@Transactional(readOnly = true)
class LeadQueryController {

    private static final int MAX_PAGE_SIZE = 200;

    private final LeadRepository leads;
    private final LeadAccess access;
    private final LeadTimeline timeline;

    LeadQueryController(LeadRepository leads, LeadAccess access, LeadTimeline timeline) {
        this.leads = leads;
        this.access = access;
        this.timeline = timeline;
    }

    @GetMapping("/{id}")
    LeadView lead(@PathVariable String id, ApiUser user) {
        LeadScope scope = access.scopeOf(user);
        return scope.viewOf(leads.require(id, scope));
    }

    record Event(LeadEventType type, Instant at, String rep, String team, String actor, String summary) {
    }

    record Timeline(String leadId, List<Event> events) {
    }

    /** The lead's life in order ({@link LeadTimeline}), for those who may read the lead. */
    @GetMapping("/{id}/timeline")
    Timeline timeline(@PathVariable String id, ApiUser user) {
        Lead lead = leads.require(id, access.scopeOf(user));
        return new Timeline(lead.getId(), timeline.of(lead).stream()
                .map(event -> new Event(event.getType(), event.getOccurredAt(), event.getRep(), event.getTeam(),
                        event.getActor(), event.getSummary()))
                .toList());
    }

    /** One page of the leads the user may read, newest first; {@code totalElements} counts only those. */
    record LeadPage(List<LeadView> content, int page, int size, long totalElements, int totalPages) {
    }

    @GetMapping
    LeadPage search(@RequestParam(required = false) LeadStatus status,
                    @RequestParam(required = false) String owner,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "50") int size,
                    ApiUser user) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("page must be 0 or more and size from 1 to " + MAX_PAGE_SIZE);
        }
        LeadScope scope = access.scopeOf(user);
        Page<Lead> found = leads.search(status, owner, scope,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by("id"))));
        return new LeadPage(found.map(scope::viewOf).getContent(), page, size,
                found.getTotalElements(), found.getTotalPages());
    }
}
