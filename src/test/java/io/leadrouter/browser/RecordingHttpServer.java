package io.leadrouter.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on 127.0.0.1 (any free port) that answers every request with a 1×1 PNG
 * and remembers it: the address hostile lead data points at, to prove the browser never
 * followed it.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** The smallest valid PNG: one transparent pixel. */
    private static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public RecordingHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, PIXEL.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(PIXEL);
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>} followed by the path. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request received so far, as {@code METHOD /path}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
