package io.leadrouter.intake;

import io.leadrouter.web.InvalidRequestException;

/**
 * The lead source a request names, whose mapping reads its leads: {@code ?source=<id>} on the
 * URL, or the {@code Lead-Source: <id>} header for clients that cannot change the URL (a form
 * tool's webhook with fixed query parameters). Both may be given only if they agree.
 */
final class RequestedSource {

    static final String PARAMETER = "source";
    static final String HEADER = "Lead-Source";

    private RequestedSource() {
    }

    /** The source id, or null when the request names none. */
    static String of(String parameter, String header) {
        if (parameter != null && header != null && !parameter.trim().equals(header.trim())) {
            throw new InvalidRequestException("The request names two lead sources, ?" + PARAMETER + "="
                    + shorten(parameter) + " and " + HEADER + ": " + shorten(header) + ": name one.");
        }
        String source = parameter != null ? parameter : header;
        return source == null ? null : source.trim();
    }

    private static String shorten(String source) {
        return source.length() <= 100 ? source : source.substring(0, 100) + "…";
    }
}
