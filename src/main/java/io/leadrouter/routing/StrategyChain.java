package io.leadrouter.routing;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The strategies a routing rule tries, in order: its strategy ({@code first}, null when the rule
 * names none), then its fallbacks. The process carries it as text, {@code "direct,priority"}, so
 * that a reassignment later routes by the same chain.
 */
record StrategyChain(String first, List<String> fallback) {

    StrategyChain {
        fallback = List.copyOf(fallback);
    }

    /** "direct, priority" as a chain; a blank first entry is a rule without a strategy. */
    static StrategyChain parse(String text) {
        List<String> keys = text == null ? List.of() : Arrays.stream(text.split(",", -1)).map(String::trim).toList();
        String first = keys.isEmpty() || keys.get(0).isEmpty() ? null : keys.get(0);
        return new StrategyChain(first, keys.isEmpty() ? List.of()
                : keys.subList(1, keys.size()).stream().filter(key -> !key.isEmpty()).toList());
    }

    String text() {
        return String.join(",", Stream.concat(Stream.of(first == null ? "" : first), fallback.stream()).toList());
    }

    /** A route task pinned this strategy: it replaces the rule's, the rule's fallbacks still follow it. */
    StrategyChain pinnedTo(String strategy) {
        return new StrategyChain(strategy, fallback);
    }
}
