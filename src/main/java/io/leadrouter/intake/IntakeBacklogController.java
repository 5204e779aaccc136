package io.leadrouter.intake;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/intake/backlog}: how many accepted leads wait for routing, and the limit. */
@RestController
class IntakeBacklogController {

    private final IntakeBacklog backlog;

    IntakeBacklogController(IntakeBacklog backlog) {
        this.backlog = backlog;
    }

    @GetMapping("/api/intake/backlog")
    IntakeBacklog.Status backlog() {
        return backlog.status();
    }
}
