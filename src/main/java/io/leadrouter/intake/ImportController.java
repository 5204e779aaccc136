package io.leadrouter.intake;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.leadrouter.lead.LeadAccess;
import io.leadrouter.security.ApiUser;

/**
 * Bulk CSV imports: {@code POST /api/imports} (text/csv body, any size) answers 202 with the
 * import's status and Location; {@code GET /api/imports/{id}} shows its progress.
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final BulkImports imports;
    private final LeadAccess access;

    ImportController(BulkImports imports, LeadAccess access) {
        this.imports = imports;
        this.access = access;
    }

    /** Rows are read through the mapping of the source named by {@code ?source=} or {@code Lead-Source} (or the default one). */
    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<ImportStatusView> submit(HttpServletRequest request,
                                            @RequestParam(name = RequestedSource.PARAMETER, required = false) String source,
                                            @RequestHeader(name = RequestedSource.HEADER, required = false)
                                            String sourceHeader,
                                            ApiUser user) throws IOException {
        BulkImports.Status status = imports.submit(request.getInputStream(), RequestedSource.of(source, sourceHeader),
                user.id());
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + status.id()))
                .body(ImportStatusView.of(status));
    }

    /** The import's progress and rejected rows, for its submitter and admins; others are answered "not found". */
    @GetMapping("/{id}")
    ImportStatusView status(@PathVariable String id, ApiUser user) {
        return imports.status(id)
                .filter(status -> access.mayReadImport(user, status.submittedBy()))
                .map(ImportStatusView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import with id '" + id + "'"));
    }
}
