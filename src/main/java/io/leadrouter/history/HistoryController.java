package io.leadrouter.history;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.leadrouter.security.ApiUser;
import io.leadrouter.security.Roles;

/**
 * {@code POST /api/history/leads?source=<source id>}: a CSV file of a CRM's past leads with their
 * outcomes (text/csv body, as {@code POST /api/leads/import} takes, within the same size limit),
 * stored as closed leads that are never routed, for scoring models to learn from
 * ({@link HistoryImport}). Sales ops and admins only: what a model learns is theirs to decide.
 */
@RestController
@RequestMapping("/api/history/leads")
class HistoryController {

    /** Who may import history. */
    static final Set<String> HISTORY_IMPORTERS = Set.of(Roles.SALES_OPS, Roles.CAMUNDA_ADMIN);

    private final HistoryImport history;

    HistoryController(HistoryImport history) {
        this.history = history;
    }

    /** 200 with what was stored, already known and refused (with line and reason). */
    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    HistoryImport.Report importCsv(@RequestBody String csv, @RequestParam(name = "source", required = false) String source,
                                   ApiUser user) {
        if (!user.isMemberOfAny(HISTORY_IMPORTERS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Past leads are imported as history by sales ops "
                    + "and admins only.");
        }
        return history.importCsv(csv, source == null || source.isBlank() ? null : source.trim(), user.id());
    }
}
