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

@RestController
@RequestMapping("/api/leads")
class LeadIntakeController {

    private final LeadIntake intake;
    private final LeadCsvImport csvImport;

    LeadIntakeController(LeadIntake intake, LeadCsvImport csvImport) {
        this.intake = intake;
        this.csvImport = csvImport;
    }

    /** 201 with the new lead, or 200 with the existing one when its externalId was sent before. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LeadView> submit(@RequestBody JsonNode body) {
        LeadIntake.Accepted accepted = intake.submit(LeadSubmissionParser.parse(body));
        LeadView view = LeadView.of(accepted.lead());
        if (!accepted.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/leads/" + view.id())).body(view);
    }

    /** Imports a CSV file of leads (header row; one lead per row), each row checked like a single lead. */
    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    LeadCsvImport.Report importCsv(@RequestBody String csv) {
        return csvImport.importCsv(csv);
    }
}
