package io.leadrouter.normalise;

/** Normalises phone numbers to an optional leading {@code +} followed by digits. */
public final class Phones {

    /** Fewer digits than this cannot be a usable phone number. */
    public static final int MIN_DIGITS = 6;

    private Phones() {
    }

    /**
     * Keeps a leading {@code +} and the digits, dropping spaces, dashes, dots, slashes and brackets.
     * Extras that would corrupt the number are handled too: a text prefix ({@code "Tel: "}) is
     * ignored, an extension or second number ({@code "x12"}, {@code "ext. 12"}, {@code "#12"},
     * {@code ", ..."}) is cut off, and the UK/DE trunk {@code (0)} after a {@code +} country code is
     * dropped. Returns {@code null} for blanks, placeholders and fewer than {@value #MIN_DIGITS} digits.
     */
    public static String normalise(String raw) {
        String cleaned = Placeholders.clean(raw);
        if (cleaned == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(cleaned.length());
        boolean plus = false;
        int digits = 0;
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (Character.isDigit(c)) {
                if (plus && digits > 0 && isTrunkZero(cleaned, i)) {
                    continue;
                }
                out.append((char) ('0' + Character.digit(c, 10)));
                digits++;
            } else if (c == '+') {
                if (digits == 0) {
                    plus = true;
                }
            } else if (digits > 0 && (Character.isLetter(c) || c == '#' || c == ',' || c == ';')) {
                break; // extension or a second number follows
            }
            // anything else (spaces, - . / ( ) and a text prefix before the first digit) is dropped
        }
        if (digits < MIN_DIGITS) {
            return null;
        }
        return plus ? "+" + out : out.toString();
    }

    /** A lone {@code 0} in brackets, as in {@code +44 (0)20 ...}. */
    private static boolean isTrunkZero(String s, int i) {
        return s.charAt(i) == '0' && i > 0 && s.charAt(i - 1) == '('
                && i + 1 < s.length() && s.charAt(i + 1) == ')';
    }
}
