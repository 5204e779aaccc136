package io.leadrouter.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values looked up at most once per time to live per key, for facts that change rarely and may
 * be a little late on other nodes (the latest deployed versions, a team's conversion rate).
 * A value the loader answers with {@code null} is not kept.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final long ttlNanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public TtlCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    public V get(K key, Function<K, V> loader) {
        Entry<V> entry = entries.get(key);
        long now = System.nanoTime();
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (value != null) {
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    /** Forgets every value: the next {@link #get} of each key loads it again. */
    public void clear() {
        entries.clear();
    }
}
