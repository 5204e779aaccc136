package io.leadrouter.normalise;

import java.util.Locale;
import java.util.Map;

/** Canonical lower-case industry (sector) names, fixing known typos and aliases. */
public final class Industries {

    /** Lookup key (lower case, {@code _}/{@code -}/dots as spaces, single spaces) -> canonical name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("technolgy", "technology"),
            Map.entry("tech", "technology"),
            Map.entry("it", "technology"),
            Map.entry("i t", "technology"),
            Map.entry("information technology", "technology"),
            Map.entry("telecom", "telecommunications"),
            Map.entry("telecoms", "telecommunications"),
            Map.entry("telecommunication", "telecommunications"),
            Map.entry("healthcare", "medical"),
            Map.entry("health care", "medical"),
            Map.entry("financial services", "finance"),
            Map.entry("banking", "finance"));

    private Industries() {
    }

    /**
     * Cleans and lower-cases the value and maps known typos/aliases ({@code technolgy}, {@code tech},
     * {@code IT} -> {@code technology}; {@code telecom} -> {@code telecommunications};
     * {@code healthcare} -> {@code medical}; {@code financial services}, {@code banking} ->
     * {@code finance}). Unknown values come back cleaned and lower-cased; blanks and placeholders as
     * {@code null}.
     */
    public static String canonical(String raw) {
        String cleaned = Placeholders.clean(raw);
        if (cleaned == null) {
            return null;
        }
        String lower = cleaned.toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(key(lower), lower);
    }

    private static String key(String lower) {
        StringBuilder key = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == ' ' || c == '_' || c == '-' || c == '.') {
                space = key.length() > 0;
            } else {
                if (space) {
                    key.append(' ');
                    space = false;
                }
                key.append(c);
            }
        }
        return key.toString();
    }
}
