package io.leadrouter.lead;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.security.ApiUser;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * Outcomes from a CRM ({@link LeadOutcomes}):
 * {@code POST /api/leads/{id}/outcome} and, by the id of the lead's source system,
 * {@code POST /api/leads/outcome?externalId=…}, with
 * {@code {"outcome": "CONVERTED", "dealValue": 1200, "lostReason": "PRICE", "note": "…",
 * "followUpAt": "2026-03-10"}} (the fields and their rules: {@link OutcomeReport}). And the lost
 * reasons a CRM may send: {@code GET /api/lost-reasons}.
 */
@RestController
class LeadOutcomeController {

    private static final Set<String> FIELDS = Set.of("outcome", "dealValue", "lostReason", "note", "followUpAt");

    /** A body of many unknown fields is answered with the first of them. */
    private static final int MAX_UNKNOWN_NAMED = 20;

    private final LeadOutcomes outcomes;
    private final LeadRepository leads;
    private final LostReasons lostReasons;

    LeadOutcomeController(LeadOutcomes outcomes, LeadRepository leads, LostReasons lostReasons) {
        this.outcomes = outcomes;
        this.leads = leads;
        this.lostReasons = lostReasons;
    }

    @PostMapping("/api/leads/{id}/outcome")
    LeadView byId(@PathVariable String id, @RequestBody JsonNode body, ApiUser user) {
        return outcomes.record(scope -> leads.require(id, scope), report(body), user);
    }

    @PostMapping("/api/leads/outcome")
    LeadView byExternalId(@RequestParam String externalId, @RequestBody JsonNode body, ApiUser user) {
        return outcomes.record(scope -> leads.findByExternalId(externalId).filter(scope::includes)
                .orElseThrow(() -> LeadNotFoundException.byExternalId(externalId)), report(body), user);
    }

    /** The reasons a lost lead may have, in the modelers' order (processes/lost-reasons.dmn). */
    @GetMapping("/api/lost-reasons")
    List<LostReasons.Reason> lostReasons() {
        return lostReasons.all();
    }

    private static OutcomeReport report(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(List.of(new FieldError("body", "must be a JSON object with the outcome")));
        }
        List<FieldError> unknown = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name) && unknown.size() < MAX_UNKNOWN_NAMED) {
                unknown.add(new FieldError(name, "is not a field of an outcome: use "
                        + FIELDS.stream().sorted().toList()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        return OutcomeReport.read(value(body.get("outcome")), value(body.get("note")), value(body.get("dealValue")),
                value(body.get("lostReason")), value(body.get("followUpAt")), OutcomeReport.FieldNames.API);
    }

    /** Text as text, numbers as exact decimals, null as nothing; anything else as itself (refused by the rules). */
    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node;
    }
}
