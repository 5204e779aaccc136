package io.leadrouter.storage;

import java.util.Optional;

/**
 * Text that any database column of ours can hold, whatever its length: no lone surrogate (not
 * encodable as UTF-8, so PostgreSQL refuses it) and no control characters other than tab, line
 * feed and carriage return (PostgreSQL refuses NUL; the others are never part of a name, an
 * address, a code or a note).
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why the text cannot be stored, or empty when it can (and for null). */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode: it holds a lone surrogate (" + codePoint(c) + ")");
            } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not hold control characters (" + codePoint(c) + ")");
            }
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
