package io.leadrouter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * HTTP Basic credentials that were checked against the engine's users a moment ago, so that an
 * API client sending a lead after lead does not cost two database queries (password check and
 * groups) per request: under load those queries took the connections the job executor needs to
 * route leads (BENCHMARKS.md). Only successful checks are kept, by a SHA-256 digest of the
 * header (never the password), for {@code leadrouter.security.credentials-ttl} after the check:
 * a changed password or removed membership applies within that time. At most
 * {@value #MAX_ENTRIES} credentials are kept; beyond that the least used are forgotten (and
 * checked again when they come back). A zero time remembers nothing.
 */
final class VerifiedCredentials {

    static final int MAX_ENTRIES = 10_000;

    /** A user let in, and their groups. */
    record User(String id, List<String> groups) {
    }

    private final Cache<String, User> verified;

    VerifiedCredentials(Duration ttl) {
        this(ttl, Ticker.systemTicker());
    }

    /** {@code ticker} tells the time the entries expire by (a test's clock). */
    VerifiedCredentials(Duration ttl, Ticker ticker) {
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(ttl.isNegative() ? Duration.ZERO : ttl)
                .ticker(ticker)
                // evicts on the caller's thread: a moment's work, and the bound holds when put returns
                .executor(Runnable::run)
                .build();
    }

    /** The user these credentials were verified for, while still fresh; null otherwise. */
    User get(String authorizationHeader) {
        return authorizationHeader == null ? null : verified.getIfPresent(digest(authorizationHeader));
    }

    void put(String authorizationHeader, String userId, List<String> groups) {
        verified.put(digest(authorizationHeader), new User(userId, List.copyOf(groups)));
    }

    private static String digest(String header) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(header.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
