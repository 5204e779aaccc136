package io.leadrouter.team;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.system.FieldError;
import io.leadrouter.system.InvalidInputException;

@RestController
@RequestMapping("/api/reps")
class RepController {

    /** Groups that may change any rep's availability; a rep may always change their own. */
    private static final Set<String> AVAILABILITY_ADMINS = Set.of("sales-ops", "managers", "camunda-admin");

    private final RepRepository reps;
    private final IdentityService identity;

    RepController(RepRepository reps, IdentityService identity) {
        this.reps = reps;
        this.identity = identity;
    }

    record RepView(String id, String name, String email, String team, String manager, boolean available,
                   boolean active, long leadsAssigned) {

        static RepView of(Rep rep) {
            return new RepView(rep.getId(), rep.getName(), rep.getEmail(), rep.getTeamId(), rep.getManagerId(),
                    rep.isAvailable(), rep.isActive(), rep.getLeadsAssigned());
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<RepView> reps() {
        return reps.findAllByOrderByTeamIdAscIdAsc().stream().map(RepView::of).toList();
    }

    /** Marks a rep available or unavailable for new leads: {@code {"available": false}}. */
    @PutMapping("/{id}/availability")
    @Transactional
    RepView availability(@PathVariable String id, @RequestBody JsonNode body) {
        JsonNode available = body == null ? null : body.get("available");
        if (available == null || !available.isBoolean()) {
            throw new InvalidInputException(List.of(new FieldError("available", "must be true or false")));
        }
        Rep rep = reps.findById(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No rep with id '" + id + "'"));
        Authentication user = identity.getCurrentAuthentication();
        boolean self = user != null && id.equals(user.getUserId());
        boolean admin = user != null && user.getGroupIds() != null
                && user.getGroupIds().stream().anyMatch(AVAILABILITY_ADMINS::contains);
        if (!self && !admin) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only the rep, sales ops, managers and admins may change a rep's availability");
        }
        rep.setAvailable(available.booleanValue());
        return RepView.of(rep);
    }
}
