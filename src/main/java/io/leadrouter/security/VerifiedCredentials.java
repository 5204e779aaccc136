package io.leadrouter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic credentials that were checked against the engine's users a moment ago, so that an
 * API client sending a lead after lead does not cost two database queries (password check and
 * groups) per request: under load those queries took the connections the job executor needs to
 * route leads (BENCHMARKS.md). Only successful checks are kept, by a SHA-256 digest of the
 * header (never the password), for {@code leadrouter.security.credentials-ttl}: a changed
 * password or removed membership applies within that time.
 */
final class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;

    /** A user let in, their groups, and until when (System.nanoTime). */
    record User(String id, List<String> groups, long validUntil) {
    }

    private final long ttlNanos;
    private final Map<String, User> verified = new ConcurrentHashMap<>();

    VerifiedCredentials(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The user these credentials were verified for, while still fresh; null otherwise. */
    User get(String authorizationHeader) {
        if (ttlNanos <= 0 || authorizationHeader == null) {
            return null;
        }
        String key = digest(authorizationHeader);
        User user = verified.get(key);
        if (user != null && user.validUntil() - System.nanoTime() < 0) {
            verified.remove(key, user);
            return null;
        }
        return user;
    }

    void put(String authorizationHeader, String userId, List<String> groups) {
        if (ttlNanos <= 0) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(digest(authorizationHeader), new User(userId, List.copyOf(groups), System.nanoTime() + ttlNanos));
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
