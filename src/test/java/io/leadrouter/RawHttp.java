package io.leadrouter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection on a raw socket: a test decides what is sent and when (headers now,
 * the body a byte at a time, never), which an HTTP client does not let it do.
 */
public final class RawHttp implements AutoCloseable {

    /** A response as read from the socket, and whether the server closed the connection after it. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawHttp(int port) throws IOException {
        socket = new Socket("localhost", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    public static String basic(String user, String password) {
        return "Authorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** Sends a request line and headers ({@code extraHeaders}: lines ending in CRLF), and no body yet. */
    public void sendHead(String method, String path, String extraHeaders) throws IOException {
        send(("%s %s HTTP/1.1\r\nHost: localhost\r\n%s\r\n").formatted(method, path, extraHeaders)
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    public synchronized void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** One chunk of a chunked body. */
    public void sendChunk(byte[] bytes) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(bytes.length + 16);
        chunk.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        chunk.writeBytes(bytes);
        chunk.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        send(chunk.toByteArray());
    }

    /** Reads one response (body by Content-Length or chunked), waiting at most {@code timeout}. */
    public Response readResponse(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("the connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.writeBytes(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                body.writeBytes(in.readNBytes(size));
                line();
            }
            line();
        } else if ("close".equalsIgnoreCase(headers.get("connection"))) {
            readToTheEnd(body); // the body ends where the connection does
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    /**
     * Whether the server closes the connection within {@code timeout} (end of stream or a reset:
     * the client may still have been sending), reading and dropping anything else it sends.
     */
    public boolean closedByServerWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (in.read() != -1) {
                // nothing more is expected
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private void readToTheEnd(ByteArrayOutputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                body.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            // a client still sending when the server closed gets a reset after the response
        }
    }

    private int chunkSize() throws IOException {
        String size = line();
        if (size == null) {
            throw new IOException("the connection closed inside a chunked body");
        }
        return Integer.parseInt(size.trim(), 16);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
