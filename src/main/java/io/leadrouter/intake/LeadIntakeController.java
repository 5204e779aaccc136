package io.leadrouter.intake;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.lead.LeadAccess;
import io.leadrouter.lead.LeadScope;
import io.leadrouter.lead.LeadView;
import io.leadrouter.security.ApiUser;
import io.leadrouter.source.LeadSources;
import io.leadrouter.source.SourceMapping;
import io.leadrouter.storage.DurableAcknowledgements;

@RestController
@RequestMapping("/api/leads")
class LeadIntakeController {

    private final LeadIntake intake;
    private final LeadSources sources;
    private final LeadCsvImport csvImport;

    private final IntakeBacklog backlog;
    private final DurableAcknowledgements durable;
    private final LeadAccess access;

    LeadIntakeController(LeadIntake intake, LeadSources sources, LeadCsvImport csvImport, IntakeBacklog backlog,
                         DurableAcknowledgements durable, LeadAccess access) {
        this.intake = intake;
        this.sources = sources;
        this.csvImport = csvImport;
        this.backlog = backlog;
        this.durable = durable;
        this.access = access;
    }

    /**
     * A lead in Lead Router's own form, or, with a source ({@link RequestedSource}), a flat JSON
     * object of the source's own fields read through its mapping ({@link SourceMapping}).
     * 201 with the new lead, or 200 with the existing one when its externalId was sent before
     * and the caller may read it ({@link LeadAccess}), else 409 without the lead's data;
     * 429 with Retry-After while the routing backlog is full ({@link IntakeBacklog}).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LeadView> submit(@RequestBody JsonNode body,
                                    @RequestParam(name = RequestedSource.PARAMETER, required = false) String source,
                                    @RequestHeader(name = RequestedSource.HEADER, required = false) String sourceHeader,
                                    ApiUser user) {
        String sourceId = RequestedSource.of(source, sourceHeader);
        backlog.admit();
        LeadIntake.Accepted accepted;
        if (sourceId == null) {
            accepted = intake.submit(LeadSubmissionParser.parse(body), null, user.id());
        } else {
            SourceMapping mapping = sources.require(sourceId);
            accepted = intake.submit(LeadSubmissionParser.parse(body, mapping), mapping.id(), user.id());
        }
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
     * each row read through the named source's mapping (or the default one) and checked like a
     * single lead; 429 when the backlog is full as the import starts. Large files go to
     * {@code POST /api/imports}.
     */
    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    LeadCsvImport.Report importCsv(@RequestBody String csv,
                                   @RequestParam(name = RequestedSource.PARAMETER, required = false) String source,
                                   @RequestHeader(name = RequestedSource.HEADER, required = false) String sourceHeader,
                                   ApiUser user) {
        String sourceId = RequestedSource.of(source, sourceHeader);
        backlog.admit();
        LeadCsvImport.Report report = csvImport.importCsv(csv, sourceId, user.id());
        durable.awaitWritten();
        return report;
    }
}
