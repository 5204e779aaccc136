package io.leadrouter.normalise;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pragmatic e-mail helpers: normalisation, a syntax check (not full RFC 5322) and a heuristic for
 * obviously fake local parts. Disposable domains are not judged here (a DMN table does that).
 */
public final class Emails {

    /** Local parts (compared without {@code . _ -}, a {@code +tag} and trailing digits) that are obviously fake. */
    private static final Set<String> FAKE_LOCAL_PARTS = Set.of(
            "test", "asdf", "qwerty", "abc", "xxx", "fake", "noreply", "none", "nobody");

    /** Keyboard rows and sequences; a local part of 4+ consecutive characters from one is a mash. */
    private static final List<String> SEQUENCES = List.of(
            "qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "0987654321", "abcdefghijklmnopqrstuvwxyz");

    private static final int MIN_SEQUENCE = 4;

    /** Never valid anywhere in an address we accept (we do not support quoted local parts). */
    private static final String FORBIDDEN = ",;:<>()[]\\\"";

    private Emails() {
    }

    /** Trimmed and lower-cased; {@code null} for blanks and placeholders. */
    public static String normalise(String raw) {
        String cleaned = Placeholders.clean(raw);
        return cleaned == null ? null : cleaned.toLowerCase(Locale.ROOT);
    }

    /**
     * Pragmatic syntax check: exactly one {@code @}, a non-empty local part, a domain with at least one
     * dot whose labels are non-empty and do not start or end with {@code -}, a top-level domain of at
     * least two characters, and no whitespace or {@code ,;:<>()[]\"} anywhere.
     */
    public static boolean isValidSyntax(String email) {
        if (email == null) {
            return false;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            return false;
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || FORBIDDEN.indexOf(c) >= 0) {
                return false;
            }
        }
        String domain = email.substring(at + 1);
        int lastDot = domain.lastIndexOf('.');
        if (lastDot < 0 || domain.length() - lastDot - 1 < 2) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i == domain.length() || domain.charAt(i) == '.') {
                if (i == labelStart || domain.charAt(labelStart) == '-' || domain.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            }
        }
        return true;
    }

    /** The lower-case part after the {@code @}, or {@code null} when there is no {@code @} or nothing after it. */
    public static String domain(String email) {
        String normalised = normalise(email);
        if (normalised == null) {
            return null;
        }
        int at = normalised.lastIndexOf('@');
        if (at < 0 || at == normalised.length() - 1) {
            return null;
        }
        return normalised.substring(at + 1);
    }

    /**
     * True when the local part is obviously fake: {@code test, asdf, qwerty, abc, xxx, fake, noreply,
     * no-reply, none, nobody} (ignoring {@code . _ -}, a {@code +tag} and trailing digits, so
     * {@code test123} and {@code no_reply} count), only digits, one repeated character
     * ({@code aaaa}), or a keyboard/alphabet run of four or more ({@code asdfgh}, {@code 1234},
     * {@code abcd}). {@code false} for {@code null} and addresses without a usable local part (that is
     * {@link #isValidSyntax}'s job).
     */
    public static boolean isSuspicious(String email) {
        String normalised = normalise(email);
        if (normalised == null) {
            return false;
        }
        int at = normalised.lastIndexOf('@');
        String local = at < 0 ? normalised : normalised.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        String compact = stripSeparators(local);
        if (compact.isEmpty()) {
            return false; // no usable local part: a syntax problem, see isValidSyntax
        }
        if (isAllDigits(compact) || isOneRepeatedChar(compact) || isSequence(compact)) {
            return true;
        }
        return FAKE_LOCAL_PARTS.contains(stripTrailingDigits(compact));
    }

    private static String stripSeparators(String local) {
        StringBuilder out = new StringBuilder(local.length());
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c != '.' && c != '_' && c != '-') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAllDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isOneRepeatedChar(String s) {
        if (s.length() < 2) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != s.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSequence(String s) {
        if (s.length() < MIN_SEQUENCE) {
            return false;
        }
        for (String sequence : SEQUENCES) {
            if (sequence.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static String stripTrailingDigits(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) >= '0' && s.charAt(end - 1) <= '9') {
            end--;
        }
        return s.substring(0, end);
    }
}
