package io.leadrouter.intake;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A bulk import's status as {@code /api/imports} answers it: the stored status, and how many
 * rejected rows its {@code errors} do not list (the first {@code leadrouter.imports.max-errors}
 * are kept; {@code rejected} counts them all), as the synchronous import's report does.
 */
record ImportStatusView(@JsonUnwrapped BulkImports.Status status, long errorsOmitted) {

    static ImportStatusView of(BulkImports.Status status) {
        return new ImportStatusView(status, Math.max(0, status.rejected() - status.errors().size()));
    }
}
