package io.leadrouter.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;

/**
 * An error answered before the request's body was read closes the connection without reading
 * the rest. Tomcat otherwise reads ("swallows") up to {@code max-swallow-size} (2 MB) of an unread
 * body after a 401, 403, 404 or 415 to keep the connection for the next request, on a request
 * thread, at whatever pace the client sends: 60 anonymous clients trickling a byte every 2 s held
 * every one of the 48 request threads, and health and intake timed out. (Tomcat itself already
 * closes without reading after 400, 408, 413 and 500.)
 *
 * <p>An engine valve: it acts once the host has written any error page. Telling Tomcat not to
 * read marks the request as failed, and inside the host that would start another error page.
 */
final class UnreadBodyCloses extends ValveBase {

    UnreadBodyCloses() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (response.getStatus() < 400 || request.isAsync() || bodyFullyRead(request)) {
            return;
        }
        if (!response.isCommitted()) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }

    private static boolean bodyFullyRead(Request request) {
        AtomicBoolean fullyRead = new AtomicBoolean();
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        return fullyRead.get();
    }
}
