package io.leadrouter.webapps;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Works around a Camunda 7 defect: saving a task that has a Camunda Form ({@code PUT /task/{id}},
 * what Tasklist's task header does to set a follow-up or due date) fails with "Cannot construct
 * instance of {@code org.camunda.bpm.engine.form.CamundaFormRef}", because Camunda's REST API
 * reads back the read-only {@code camundaFormRef} that its own answer carried, into an interface
 * (fixed in the Operaton fork, its issue #3659). The REST API's Jackson cannot be configured from
 * outside (the webapps' engine API makes a new ObjectMapper for every request), so this filter
 * drops {@code camundaFormRef} from the body of such a PUT, on {@code /engine-rest} and on the
 * webapps' engine API, before Camunda reads it: a task's form is set by its model, never by a
 * save. Every other request, and a body that is no JSON object, passes untouched.
 */
@Component
class TaskSaveFormRefFilter extends OncePerRequestFilter {

    /** A task as JSON is a few kilobytes; a larger body goes through untouched. */
    static final int MAX_BODY = 1024 * 1024;
    private static final String FORM_REF = "camundaFormRef";

    private final Pattern taskSave;
    private final ObjectMapper json = new ObjectMapper();

    TaskSaveFormRefFilter(@Value("${spring.jersey.application-path:/engine-rest}") String engineRest,
                          @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
        this.taskSave = Pattern.compile("(" + Pattern.quote(trimSlash(engineRest)) + "|"
                + Pattern.quote(trimSlash(webapps)) + "/api/engine/engine/[^/]+)/task/[^/]+/?");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"PUT".equals(request.getMethod())
                || !taskSave.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            chain.doFilter(request, response);
            return;
        }
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            InputStream unread = new SequenceInputStream(new ByteArrayInputStream(body), in);
            chain.doFilter(new Body(request, unread, -1), response);
            return;
        }
        byte[] saved = withoutFormRef(body);
        chain.doFilter(new Body(request, new ByteArrayInputStream(saved), saved.length), response);
    }

    /** The body without {@code camundaFormRef}; the body itself when it has none or is no JSON object. */
    byte[] withoutFormRef(byte[] body) {
        JsonNode task;
        try {
            task = json.readTree(body);
        } catch (IOException notJson) {
            return body; // Camunda answers it as it always did
        }
        if (!(task instanceof ObjectNode object) || !object.has(FORM_REF)) {
            return body;
        }
        object.remove(FORM_REF);
        try {
            return json.writeValueAsBytes(object);
        } catch (JsonProcessingException justRead) {
            throw new IllegalStateException(justRead);
        }
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The request with the body read again from {@code body}; its length is {@code length}, or unknown at -1. */
    private static final class Body extends HttpServletRequestWrapper {

        private final ServletInputStream stream;
        private final long length;

        Body(HttpServletRequest request, InputStream body, long length) {
            super(request);
            this.length = length;
            this.stream = new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int read = body.read();
                    finished = read == -1;
                    return read;
                }

                @Override
                public int read(byte[] buffer, int offset, int count) throws IOException {
                    int read = body.read(buffer, offset, count);
                    finished = read == -1;
                    return read;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the task body is read blocking");
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(stream, charset()));
        }

        @Override
        public int getContentLength() {
            return length > Integer.MAX_VALUE ? -1 : (int) length;
        }

        @Override
        public long getContentLengthLong() {
            return length;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Length".equalsIgnoreCase(name) ? contentLengthHeader() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                return super.getHeaders(name);
            }
            String header = contentLengthHeader();
            return header == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(header));
        }

        private String contentLengthHeader() {
            return length < 0 ? null : Long.toString(length);
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        }
    }
}
