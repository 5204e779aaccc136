package io.leadrouter.panel;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.leadrouter.lead.LeadAccess;
import io.leadrouter.security.ApiUser;
import io.leadrouter.team.Rep;

/**
 * The rep's own panel, which the Tasklist plugin {@code rep-panel} shows:
 * {@code GET /api/me/panel} for the signed-in user (a user who is no rep is told so, not refused),
 * and {@code GET /api/reps/{id}/panel} for the rep, their manager, sales ops and admins
 * ({@link LeadAccess#mayReadRep}). The panel's actions are the reps API's own: availability
 * ({@code PUT /api/reps/{id}/availability}) and absences ({@code POST} and {@code DELETE
 * /api/reps/{id}/absences}).
 */
@RestController
class RepPanelController {

    private final RepPanels panels;

    RepPanelController(RepPanels panels) {
        this.panels = panels;
    }

    @GetMapping("/api/me/panel")
    RepPanel.Mine mine(ApiUser user) {
        return panels.panel(user.id())
                .map(panel -> new RepPanel.Mine(user.id(), true, panel))
                .orElseGet(() -> new RepPanel.Mine(user.id(), false, null));
    }

    @GetMapping("/api/reps/{id}/panel")
    RepPanel panel(@PathVariable String id, ApiUser user) {
        Rep rep = panels.rep(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No rep with id '" + id + "'"));
        if (!LeadAccess.mayReadRep(user, rep)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "A rep's panel is for the rep, their manager, sales ops and admins");
        }
        return panels.panel(rep.getId()).orElseThrow();
    }
}
