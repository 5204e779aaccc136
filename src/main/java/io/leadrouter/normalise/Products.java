package io.leadrouter.normalise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Canonical product names from the catalogue ({@code GTXPro}, {@code gtx pro} -> {@code GTX Pro}). */
public final class Products {

    /** The catalogue, in its canonical spelling. */
    public static final List<String> CATALOGUE = List.of(
            "GTX Basic", "GTX Pro", "MG Special", "MG Advanced", "GTX Plus Pro", "GTX Plus Basic", "GTK 500");

    private static final Map<String, String> BY_KEY;

    static {
        Map<String, String> byKey = new HashMap<>();
        for (String product : CATALOGUE) {
            Keys.putUnique(byKey, key(product), product, "Products.CATALOGUE");
        }
        BY_KEY = Map.copyOf(byKey);
    }

    private Products() {
    }

    /**
     * The catalogue name when the value matches one ignoring case, spacing and punctuation
     * ({@code +} reads as "Plus"); otherwise the cleaned text; {@code null} for blanks and placeholders.
     */
    public static String canonical(String raw) {
        String cleaned = Placeholders.clean(raw);
        if (cleaned == null) {
            return null;
        }
        return BY_KEY.getOrDefault(key(cleaned), cleaned);
    }

    private static String key(String text) {
        return Keys.compact(text.indexOf('+') < 0 ? text : text.replace("+", " plus "));
    }
}
