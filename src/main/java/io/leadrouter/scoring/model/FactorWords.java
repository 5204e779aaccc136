package io.leadrouter.scoring.model;

import java.util.Locale;

/**
 * A factor in the words a rep reads: the feature's name as words, the lead's value, and an arrow
 * for the direction ("time on site 25 min ↑", "source Google ↓", "country not given ↓").
 * Attribute names are camel case from the source mappings ({@code timeOnSiteSeconds}); a name
 * ending in Seconds is a duration and reads in minutes.
 */
final class FactorWords {

    private static final String SECONDS = "Seconds";

    private FactorWords() {
    }

    static String of(String feature, Object value, double contribution) {
        String arrow = contribution >= 0 ? "↑" : "↓";
        boolean duration = feature.endsWith(SECONDS) && feature.length() > SECONDS.length();
        String label = words(duration ? feature.substring(0, feature.length() - SECONDS.length()) : feature);
        String shown;
        if (value == null) {
            shown = "not given";
        } else if (value instanceof Boolean yes) {
            shown = yes ? "yes" : "no";
        } else if (value instanceof Number number) {
            shown = duration ? duration(number.doubleValue()) : number(number.doubleValue());
        } else {
            shown = String.valueOf(value);
        }
        return label + " " + shown + " " + arrow;
    }

    /** {@code heardAboutUsFrom} as "heard about us from"; {@code emailKind} as "e-mail". */
    static String words(String name) {
        if (ScoringFeatures.EMAIL_KIND.equals(name)) {
            return "e-mail";
        }
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
                words.append(' ');
            }
            words.append(c == '_' ? ' ' : Character.toLowerCase(c));
        }
        return words.toString().trim();
    }

    private static String duration(double seconds) {
        return seconds >= 60 ? Math.round(seconds / 60) + " min" : Math.round(seconds) + " s";
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
