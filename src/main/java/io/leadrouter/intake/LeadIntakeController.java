package io.leadrouter.intake;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.lead.LeadView;
import io.leadrouter.security.ApiUser;
import io.leadrouter.system.DurableAcknowledgements;

@RestController
@RequestMapping("/api/leads")
class LeadIntakeController {

    private final LeadIntake intake;
    private final LeadCsvImport csvImport;

    private final IntakeBacklog backlog;
    private final DurableAcknowledgements durable;

    LeadIntakeController(LeadIntake intake, LeadCsvImport csvImport, IntakeBacklog backlog,
                         DurableAcknowledgements durable) {
        this.intake = intake;
        this.csvImport = csvImport;
        this.backlog = backlog;
        this.durable = durable;
    }

    /**
     * 201 with the new lead, or 200 with the existing one when its externalId was sent before;
     * 429 with Retry-After while the routing backlog is full ({@link IntakeBacklog}).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LeadView> submit(@RequestBody JsonNode body, ApiUser user) {
        backlog.admit();
        LeadIntake.Accepted accepted = intake.submit(LeadSubmissionParser.parse(body), user.id());
        durable.awaitWritten(); // acknowledged only once it would survive a crash
        LeadView view = LeadView.of(accepted.lead());
        if (!accepted.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/leads/" + view.id())).body(view);
    }

    /**
     * Imports a small CSV file of leads (header row; one lead per row) while the caller waits,
     * each row checked like a single lead; 429 when the backlog is full as the import starts.
     * Large files go to {@code POST /api/imports}.
     */
    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    LeadCsvImport.Report importCsv(@RequestBody String csv, ApiUser user) {
        backlog.admit();
        LeadCsvImport.Report report = csvImport.importCsv(csv, user.id());
        durable.awaitWritten();
        return report;
    }
}
