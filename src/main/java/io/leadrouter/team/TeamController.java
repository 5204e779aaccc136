package io.leadrouter.team;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.security.ApiUser;
import io.leadrouter.security.Roles;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * The sales teams: {@code GET /api/teams} for sales users, and {@code PATCH /api/teams/{id}}
 * {@code {"shareLeads": true}} for sales ops and admins, which lets the team's reps read each
 * other's leads without contact data (lead/LeadAccess; at once, for every rep of the team).
 */
@RestController
@RequestMapping("/api/teams")
class TeamController {

    private static final String SHARE_LEADS = "shareLeads";

    private final TeamRepository teams;

    TeamController(TeamRepository teams) {
        this.teams = teams;
    }

    record TeamView(String id, String name, boolean shareLeads) {

        static TeamView of(Team team) {
            return new TeamView(team.getId(), team.getName(), team.sharesLeads());
        }
    }

    /** Every team, for reps (members of a team's group), managers, sales ops and admins. */
    @GetMapping
    @Transactional(readOnly = true)
    List<TeamView> teams(ApiUser user) {
        List<Team> all = teams.findAll(Sort.by("id"));
        boolean rep = all.stream().anyMatch(team -> user.groups().contains(team.getId()));
        if (!rep && !user.isMemberOfAny(Roles.SALES_STAFF)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only sales users (reps, managers, sales ops, admins) may list the teams");
        }
        return all.stream().map(TeamView::of).toList();
    }

    /** Changes whether a team shares its leads among its reps: {@code {"shareLeads": true}}. */
    @PatchMapping("/{id}")
    @Transactional
    TeamView settings(@PathVariable String id, @RequestBody JsonNode body, ApiUser user) {
        if (!user.isMemberOfAny(Roles.TEAM_ADMINS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only sales ops and admins may change a team's settings");
        }
        Team team = teams.findById(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No team with id '" + id + "'"));
        team.shareLeads(shareLeads(body));
        return TeamView.of(team);
    }

    private static boolean shareLeads(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(List.of(new FieldError(SHARE_LEADS,
                    "send a JSON object such as {\"shareLeads\": true}")));
        }
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(field -> {
            if (!SHARE_LEADS.equals(field)) {
                errors.add(new FieldError(field, "unknown field; a team's settings are: " + SHARE_LEADS));
            }
        });
        JsonNode share = body.get(SHARE_LEADS);
        if (share == null || !share.isBoolean()) {
            errors.add(new FieldError(SHARE_LEADS, "must be true or false"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return share.booleanValue();
    }
}
