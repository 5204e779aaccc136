package io.leadrouter.normalise;

import java.util.Locale;
import java.util.Set;

/** Cleans free-text form values and recognises "no value" placeholders such as {@code Select}. */
public final class Placeholders {

    private static final Set<String> PLACEHOLDERS = Set.of(
            "select", "n/a", "na", "n.a.", "none", "null", "-", "--", "unknown", "not provided", "?");

    private Placeholders() {
    }

    /**
     * Trims, collapses inner whitespace (including non-breaking spaces and tabs) to a single space,
     * and returns {@code null} for null, blank and placeholder values (case-insensitive):
     * {@code Select, N/A, NA, n.a., none, null, -, --, unknown, not provided, ?}.
     */
    public static String clean(String raw) {
        String collapsed = collapseWhitespace(raw);
        if (collapsed == null || PLACEHOLDERS.contains(collapsed.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return collapsed;
    }

    /** True when {@link #clean} would return {@code null}. */
    public static boolean isMissing(String raw) {
        return clean(raw) == null;
    }

    private static String collapseWhitespace(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }
}
