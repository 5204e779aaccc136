package io.leadrouter.normalise;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Normalises phone numbers to E.164 ({@code +49301234567}) by the numbering plan of their country
 * (Google's libphonenumber), so that a rep can dial them from anywhere and one number is written
 * one way.
 */
public final class Phones {

    private static final PhoneNumberUtil NUMBERING_PLANS = PhoneNumberUtil.getInstance();

    /** libphonenumber's region for "the country is not known": only a number with a {@code +} parses. */
    private static final String UNKNOWN_REGION = "ZZ";

    /** Fewer digits than this cannot be a usable phone number (for a number whose country is unknown). */
    private static final int MIN_DIGITS = 6;

    private Phones() {
    }

    /**
     * The number in E.164. A number with a country code ({@code +44 …}, or {@code 0044 …} where the
     * lead's country dials {@code 00} abroad) is read as written; a national number by the lead's
     * {@code country} (ISO 3166-1 alpha-2): {@code (030) 123 45 67} in DE is {@code +49301234567}.
     * A text prefix ({@code "Tel: "}) and an extension ({@code "x12"}, {@code "ext. 12"},
     * {@code "#12"}) are dropped, and so is a second number after a comma or semicolon; so is the
     * UK/DE trunk {@code (0)} after a country code. The length is checked against the country's
     * plan, not every assigned range, so a rep can still dial a number the plan does not list yet.
     *
     * <p>A national number of a lead whose country is not known cannot be placed: its digits are
     * kept as written ({@code 555.123.4567} is {@code 5551234567}) when there are at least
     * {@value #MIN_DIGITS}. Returns {@code null} for blanks and placeholders and for what cannot be
     * a phone number there: too short or too long for the country, local only (no area code), an
     * unknown country code, or no number at all.
     */
    public static String normalise(String raw, String country) {
        String cleaned = Placeholders.clean(raw);
        if (cleaned == null) {
            return null;
        }
        String number = firstOf(cleaned);
        String region = country != null && NUMBERING_PLANS.getSupportedRegions().contains(country)
                ? country : UNKNOWN_REGION;
        try {
            PhoneNumber parsed = NUMBERING_PLANS.parse(number, region);
            return NUMBERING_PLANS.isPossibleNumberWithReason(parsed) == ValidationResult.IS_POSSIBLE
                    ? NUMBERING_PLANS.format(parsed, PhoneNumberFormat.E164)
                    : null;
        } catch (NumberParseException unreadable) {
            boolean countryUnknown = unreadable.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE
                    && region.equals(UNKNOWN_REGION) && !startsWithPlus(number);
            return countryUnknown ? digitsBeforeExtension(number) : null;
        }
    }

    /** The first of several numbers ({@code "555-123-4567, 555-765-4321"}). */
    private static String firstOf(String numbers) {
        int end = numbers.length();
        for (char separator : new char[] {',', ';'}) {
            int at = numbers.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return numbers.substring(0, end);
    }

    /** Whether the number is written with a country code: a {@code +} before its first digit. */
    private static boolean startsWithPlus(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == '+' || Character.isDigit(c)) {
                return c == '+';
            }
        }
        return false;
    }

    /** The digits up to an extension, which starts with a letter or {@code #} after the number. */
    private static String digitsBeforeExtension(String number) {
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(Character.digit(c, 10));
            } else if (!digits.isEmpty() && (Character.isLetter(c) || c == '#')) {
                break;
            }
        }
        return digits.length() >= MIN_DIGITS ? digits.toString() : null;
    }
}
