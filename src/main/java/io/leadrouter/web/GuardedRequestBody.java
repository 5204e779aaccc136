package io.leadrouter.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body read through its limits: at most {@code limit} bytes, at least the minimum rate
 * after the grace, well-formed UTF-8 where it must be. A refused body keeps throwing the same
 * {@link RequestBodyRejected}, however the reader goes on.
 *
 * <p>The rate is checked whenever a read returns, so a read that waits for a silent client ends
 * only at the server's socket timeout ({@code server.tomcat.connection-timeout}).
 */
final class GuardedRequestBody extends ServletInputStream {

    private final ServletInputStream body;
    private final RequestLimits.BodyLimit limit;
    private final long startedNanos;
    private final long graceNanos;
    private final long minBytesPerSecond;
    private final Utf8Check utf8;
    private long bytesRead;
    private RequestBodyRejected rejected;

    GuardedRequestBody(ServletInputStream body, RequestLimits.BodyLimit limit, RequestLimits limits, boolean utf8,
                       long startedNanos) {
        this.body = body;
        this.limit = limit;
        this.startedNanos = startedNanos;
        this.graceNanos = limits.bodyGrace().toNanos();
        this.minBytesPerSecond = limits.bodyMinRate().toBytes();
        this.utf8 = utf8 ? new Utf8Check() : null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (rejected != null) {
            throw rejected;
        }
        checkRate();
        int read;
        try {
            read = body.read(buffer, offset, length);
        } catch (IOException broken) {
            // the server's socket timeout ends a read from a client that went silent
            if (hasCause(broken, java.net.SocketTimeoutException.class)) {
                throw reject(RequestBodyRejected.tooSlow(bytesRead, elapsedMillis()));
            }
            throw broken;
        }
        if (read == -1) {
            Utf8Check.Flaw flaw = utf8 == null ? null : utf8.end();
            if (flaw != null) {
                throw reject(RequestBodyRejected.notUtf8(flaw));
            }
            return -1;
        }
        bytesRead += read;
        if (limit != null && bytesRead > limit.bytes()) {
            throw reject(RequestBodyRejected.tooLarge(limit));
        }
        if (utf8 != null) {
            Utf8Check.Flaw flaw = utf8.accept(buffer, offset, read);
            if (flaw != null) {
                throw reject(RequestBodyRejected.notUtf8(flaw));
            }
        }
        checkRate();
        return read;
    }

    private void checkRate() throws RequestBodyRejected {
        long allowedNanos = graceNanos + bytesRead * 1_000_000_000L / minBytesPerSecond;
        if (System.nanoTime() - startedNanos > allowedNanos) {
            throw reject(RequestBodyRejected.tooSlow(bytesRead, elapsedMillis()));
        }
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private RequestBodyRejected reject(RequestBodyRejected rejection) {
        rejected = rejection;
        return rejection;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int available() throws IOException {
        return body.available();
    }

    @Override
    public boolean isFinished() {
        return body.isFinished();
    }

    @Override
    public boolean isReady() {
        return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        body.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
