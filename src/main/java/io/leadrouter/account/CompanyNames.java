package io.leadrouter.account;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Company names reduced for matching: case, accents, punctuation and legal forms do not count,
 * so {@code Acme Corp.}, {@code ACME Corporation} and {@code Acme, Inc.} all become {@code acme}.
 * Close misspellings are caught by {@link #similar(String, String)} (Jaro-Winkler on the keys).
 */
public final class CompanyNames {

    private static final Set<String> LEGAL_FORMS = Set.of("corp", "corporation", "inc", "incorporated", "co",
            "company", "ltd", "limited", "llc", "llp", "lp", "plc", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv",
            "oy", "ab", "as", "spa", "srl", "pty", "pvt", "kg", "group", "holding", "holdings", "the", "and");

    /** Jaro-Winkler similarity from which two keys are taken to name the same company. */
    static final double SIMILAR = 0.93;

    private CompanyNames() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").trim();
        List<String> words = new ArrayList<>(Arrays.asList(plain.split(" ")));
        List<String> kept = words.stream().filter(word -> !word.isEmpty() && !LEGAL_FORMS.contains(word)).toList();
        return String.join(" ", kept.isEmpty() ? words : kept);
    }

    public static boolean similar(String keyA, String keyB) {
        return !keyA.isEmpty() && !keyB.isEmpty() && jaroWinkler(keyA, keyB) >= SIMILAR;
    }

    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            for (int j = Math.max(0, i - window); j < Math.min(b.length(), i + window + 1); j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
