package io.leadrouter.normalise;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lookup keys for the reference tables: case-, accent-, punctuation- and spacing-insensitive. */
final class Keys {

    private Keys() {
    }

    /**
     * Splits text into lower-case, accent-free words of letters and digits. Dots and apostrophes
     * join ({@code "U.S.A."} is one word {@code "usa"}), {@code &} becomes the word {@code "and"},
     * anything else separates words.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>(4);
        if (text == null) {
            return words;
        }
        String s = stripAccents(text);
        StringBuilder word = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (c == '.' || c == '\'' || c == '\u2019' || c == '\u2018' || c == '`') {
                // joins: U.S.A. -> usa, Cote d'Ivoire -> cote divoire
            } else {
                flush(word, words);
                if (c == '&') {
                    words.add("and");
                }
            }
        }
        flush(word, words);
        return words;
    }

    /**
     * The key of a place name (a country, a city): its {@link #words} run together, without a
     * leading "The" and with "St" as "Saint", so that {@code "The Hague"} and {@code "hague"},
     * {@code "St. Louis"} and {@code "Saint-Louis"} are one key.
     */
    static String placeName(String text) {
        List<String> words = words(text);
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        StringBuilder key = new StringBuilder();
        for (String word : words) {
            key.append(word.equals("st") ? "saint" : word);
        }
        return key.toString();
    }

    /** All {@link #words} run together: {@code "Press_Release"} and {@code "press release"} give {@code "pressrelease"}. */
    static String compact(String text) {
        return String.join("", words(text));
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static String stripAccents(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
                StringBuilder out = new StringBuilder(decomposed.length());
                for (int j = 0; j < decomposed.length(); j++) {
                    char c = decomposed.charAt(j);
                    if (Character.getType(c) != Character.NON_SPACING_MARK) {
                        out.append(c);
                    }
                }
                // dotless i (Türkiye is fine, but e.g. "ı" has no decomposition) -> i
                return out.toString().replace('\u0131', 'i');
            }
        }
        return text;
    }

    /** Adds key -> value, failing fast when the key already maps to a different value. */
    static <V> void putUnique(java.util.Map<String, V> map, String key, V value, String source) {
        if (key.isEmpty()) {
            throw new IllegalStateException("Empty lookup key from " + source);
        }
        V previous = map.putIfAbsent(key, value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalStateException("Ambiguous key '" + key + "' from " + source
                    + ": both " + previous + " and " + value);
        }
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
