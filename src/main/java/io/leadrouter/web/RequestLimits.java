package io.leadrouter.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a request body may hold and how slowly it may arrive ({@code leadrouter.limits.*}).
 * A body over its limit answers 413, checked on Content-Length before anything is read and again
 * while it streams (chunked bodies); a body slower than the minimum rate answers 408.
 *
 * @param lead        {@code POST /api/leads}: one lead, its attributes up to 64 KB of JSON included
 * @param csvImport   {@code POST /api/leads/import}: the synchronous CSV import, held in memory; the
 *                    same for {@code POST /api/history/leads} (past leads imported as history)
 * @param bulkImport  {@code POST /api/imports}: the bulk CSV import, streamed to a file
 * @param api         every other body under {@code /api}
 * @param bodyGrace   how long any body may take before the minimum rate applies
 * @param bodyMinRate bytes per second a body must average after the grace; a body arriving slower
 *                    ties up a request thread for nothing and answers 408
 */
@ConfigurationProperties("leadrouter.limits")
public record RequestLimits(
        @DefaultValue("256KB") DataSize lead,
        @DefaultValue("5MB") DataSize csvImport,
        @DefaultValue("100MB") DataSize bulkImport,
        @DefaultValue("64KB") DataSize api,
        @DefaultValue("10s") Duration bodyGrace,
        @DefaultValue("1KB") DataSize bodyMinRate) {

    public RequestLimits {
        for (DataSize size : new DataSize[] {lead, csvImport, bulkImport, api, bodyMinRate}) {
            if (size.toBytes() <= 0) {
                throw new IllegalArgumentException("leadrouter.limits: every size and the minimum rate must be positive");
            }
        }
        if (bodyGrace.isNegative() || bodyGrace.isZero()) {
            throw new IllegalArgumentException("leadrouter.limits.body-grace must be positive");
        }
    }

    /** A named limit, as a 413 reports it. */
    public record BodyLimit(String name, long bytes) {
    }

    /**
     * The limit of a request's body, by method and path within the application; {@code null}
     * outside {@code /api} (the engine's REST API and the webapps: the proxy in front limits them).
     */
    public BodyLimit limitFor(String method, String path) {
        if (!path.startsWith("/api/")) {
            return null;
        }
        if ("POST".equals(method)) {
            switch (trimSlash(path)) {
                case "/api/leads":
                    return new BodyLimit("lead", lead.toBytes());
                case "/api/leads/import", "/api/history/leads":
                    return new BodyLimit("csv-import", csvImport.toBytes());
                case "/api/imports":
                    return new BodyLimit("bulk-import", bulkImport.toBytes());
                default:
                    break;
            }
        }
        return new BodyLimit("api", api.toBytes());
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
