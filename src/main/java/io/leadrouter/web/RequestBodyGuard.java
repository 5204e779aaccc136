package io.leadrouter.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request body through its limits ({@link RequestLimits}): a Content-Length over the
 * limit answers 413 before a byte is read; a body that grows past it while streaming, arrives
 * too slowly or (under {@code /api}) is not UTF-8 ends the read with {@link RequestBodyRejected},
 * which {@link ProblemHandling} answers. Either way the connection is closed without reading the
 * rest ({@link UnreadBodyCloses}). Runs after authentication: an anonymous caller gets 401 first.
 */
final class RequestBodyGuard extends OncePerRequestFilter {

    private final RequestLimits limits;
    private final ProblemWriter problems;

    RequestBodyGuard(RequestLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        RequestLimits.BodyLimit limit = limits.limitFor(request.getMethod(), path);
        if (limit != null && request.getContentLengthLong() > limit.bytes()) {
            problems.write(request, response, RequestBodyRejected.tooLarge(limit).problem());
            return;
        }
        boolean utf8 = path.startsWith("/api/") && readAsUtf8(request, limit);
        GuardedRequest guarded = new GuardedRequest(request, limit, utf8, started);
        try {
            chain.doFilter(guarded, response);
        } catch (IOException | ServletException | RuntimeException failed) {
            // whatever reached the container with a refused body in its causes (outside Spring MVC)
            RequestBodyRejected rejected = RequestBodyRejected.in(failed);
            if (rejected == null || response.isCommitted()) {
                throw failed;
            }
            response.reset();
            problems.write(request, response, rejected.problem());
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /**
     * JSON is UTF-8 (RFC 8259), and so is the bulk import's file (the import reads it as UTF-8);
     * other text is UTF-8 unless the request declares another charset. The Content-Type header
     * as sent: CharacterEncodingFilter has already set UTF-8 on the request itself.
     */
    private static boolean readAsUtf8(HttpServletRequest request, RequestLimits.BodyLimit limit) {
        if ("bulk-import".equals(limit.name())) {
            return true;
        }
        MediaType type;
        Charset declared;
        try {
            type = MediaType.parseMediaType(request.getHeader(HttpHeaders.CONTENT_TYPE));
            declared = type.getCharset();
        } catch (RuntimeException absentMalformedOrUnknown) {
            return true;
        }
        return declared == null || type.getSubtype().endsWith("json") || declared.equals(StandardCharsets.UTF_8)
                || declared.equals(StandardCharsets.US_ASCII);
    }

    /**
     * The request with its body read through the guard, whether as bytes or as text. The body
     * is opened only when asked for: a form post left unread stays Tomcat's to parse.
     */
    private final class GuardedRequest extends HttpServletRequestWrapper {

        private final RequestLimits.BodyLimit limit;
        private final boolean utf8;
        private final long startedNanos;
        private GuardedRequestBody body;
        private BufferedReader reader;

        GuardedRequest(HttpServletRequest request, RequestLimits.BodyLimit limit, boolean utf8, long startedNanos) {
            super(request);
            this.limit = limit;
            this.utf8 = utf8;
            this.startedNanos = startedNanos;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new GuardedRequestBody(super.getInputStream(), limit, limits, utf8, startedNanos);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                reader = new BufferedReader(new InputStreamReader(getInputStream(),
                        encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
            }
            return reader;
        }
    }
}
