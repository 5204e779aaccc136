package io.leadrouter.intake;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.lead.LeadAccess;
import io.leadrouter.lead.LeadScope;
import io.leadrouter.lead.LeadView;
import io.leadrouter.security.ApiUser;
import io.leadrouter.storage.DurableAcknowledgements;

@RestController
@RequestMapping("/api/leads")
class LeadIntakeController {

    private final LeadIntake intake;
    private final LeadCsvImport csvImport;

    private final IntakeBacklog backlog;
    private final DurableAcknowledgements durable;
    private final LeadAccess access;

    LeadIntakeController(LeadIntake intake, LeadCsvImport csvImport, IntakeBacklog backlog,
                         DurableAcknowledgements durable, LeadAccess access) {
        this.intake = intake;
        this.csvImport = csvImport;
        this.backlog = backlog;
        this.durable = durable;
        this.access = access;
    }

    /**
     * 201 with the new lead, or 200 with the existing one when its externalId was sent before
     * and the caller may read it ({@link LeadAccess}), else 409 without the lead's data;
     * 429 with Retry-After while the routing backlog is full ({@link IntakeBacklog}).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LeadView> submit(@RequestBody JsonNode body, ApiUser user) {
        backlog.admit();
        LeadIntake.Accepted accepted = intake.submit(LeadSubmissionParser.parse(body), user.id());
        durable.awaitWritten(); // acknowledged only once it would survive a crash
        if (accepted.created()) {
            LeadView view = LeadView.of(accepted.lead()); // the caller submitted it: theirs to read
            return ResponseEntity.created(URI.create("/api/leads/" + view.id())).body(view);
        }
        LeadScope scope = access.scopeOf(user);
        if (!scope.includes(accepted.lead())) {
            throw externalIdTaken();
        }
        return ResponseEntity.ok(scope.viewOf(accepted.lead()));
    }

    private static ErrorResponseException externalIdTaken() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A lead with this externalId exists; nothing was stored. Send each lead with its own externalId.");
        problem.setTitle("Lead exists");
        problem.setType(URI.create("urn:leadrouter:problem:external-id-exists"));
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
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
