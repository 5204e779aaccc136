package io.leadrouter.lead;

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

@RestController
@RequestMapping("/api/leads")
@Transactional(readOnly = true)
class LeadQueryController {

    private static final int MAX_PAGE_SIZE = 200;

    private final LeadRepository leads;

    LeadQueryController(LeadRepository leads) {
        this.leads = leads;
    }

    @GetMapping("/{id}")
    LeadView lead(@PathVariable String id) {
        return LeadView.of(leads.require(id));
    }

    /** One page of leads, newest first. */
    record LeadPage(List<LeadView> content, int page, int size, long totalElements, int totalPages) {
    }

    @GetMapping
    LeadPage search(@RequestParam(required = false) LeadStatus status,
                    @RequestParam(required = false) String owner,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size from 1 to " + MAX_PAGE_SIZE);
        }
        Page<Lead> found = leads.search(status, owner,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by("id"))));
        return new LeadPage(found.map(LeadView::of).getContent(), page, size,
                found.getTotalElements(), found.getTotalPages());
    }
}
