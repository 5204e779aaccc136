package io.leadrouter.normalise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Canonical spelling of lead sources ({@code google} -> {@code Google}, {@code Press_Release} -> {@code Press Release}). */
public final class Sources {

    /** The known sources, in their canonical spelling. */
    public static final List<String> KNOWN = List.of(
            "Google", "Direct Traffic", "Olark Chat", "Organic Search", "Reference", "Welingak Website",
            "Referral Sites", "Facebook", "Bing", "Click2call", "Social Media", "Live Chat",
            "Pay per Click Ads", "Press Release", "Web Form", "Webinar", "Trade Show", "Partner",
            "Email Campaign", "LinkedIn");

    private static final Map<String, String> BY_KEY;

    static {
        Map<String, String> byKey = new HashMap<>();
        for (String source : KNOWN) {
            Keys.putUnique(byKey, Keys.compact(source), source, "Sources.KNOWN");
        }
        BY_KEY = Map.copyOf(byKey);
    }

    private Sources() {
    }

    /**
     * The canonical spelling when the cleaned value matches a known source ignoring case, {@code _},
     * {@code -}, punctuation and spacing; otherwise the cleaned text as is; {@code null} for
     * blanks and placeholders.
     */
    public static String canonical(String raw) {
        String cleaned = Placeholders.clean(raw);
        if (cleaned == null) {
            return null;
        }
        return BY_KEY.getOrDefault(Keys.compact(cleaned), cleaned);
    }
}
