package io.leadrouter.lead;

/**
 * How people's spellings of one field name are matched: in any case and spacing, so "Lead
 * Quality", "lead_quality" and "leadQuality" are one name. Source mappings match a source's
 * columns so, and the scoring leakage guard the names it keeps out of a model.
 */
public final class FieldNames {

    private FieldNames() {
    }

    /** The name's letters and digits, in lower case: equal for every spelling of one name. */
    public static String key(String name) {
        StringBuilder key = new StringBuilder(name.length());
        name.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(key::appendCodePoint);
        return key.toString();
    }
}
