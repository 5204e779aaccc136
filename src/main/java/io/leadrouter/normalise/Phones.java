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

    /** libphonenumber's region for numbers of non-geographic calling codes ({@code +800}, {@code +882}). */
    private static final String NON_GEOGRAPHIC_REGION = "001";

    /** Fewer digits than this cannot be a usable phone number (for a number whose country is unknown). */
    private static final int MIN_DIGITS = 6;

    private Phones() {
    }

    /**
     * The number in E.164. A number with a country code ({@code +44 …}, or {@code 0044 …}: where the
     * lead's country dials {@code 00} abroad, and elsewhere or with no country known whenever it is
     * no possible national number) is read as written; a national number by the lead's
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
        NumberParseException unreadable = null;
        try {
            PhoneNumber parsed = NUMBERING_PLANS.parse(number, region);
            if (isPossible(parsed)) {
                return NUMBERING_PLANS.format(parsed, PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            unreadable = e;
        }
        // 00 is how most of the world dials abroad, and how people write a number for the world:
        // "0049 30 …" is +49 also where abroad is dialled otherwise (011 in the US) or not known
        String dialledAbroad = withPlusFor00(number);
        if (dialledAbroad != null) {
            String international = possibleE164(dialledAbroad);
            if (international != null) {
                return international;
            }
        }
        boolean countryUnknown = unreadable != null
                && unreadable.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE
                && region.equals(UNKNOWN_REGION) && !startsWithPlus(number);
        return countryUnknown ? digitsBeforeExtension(number) : null;
    }

    /**
     * The country (ISO 3166-1 alpha-2, as libphonenumber names regions) of a number written in
     * international form, with {@code +} or {@code 00} before its country calling code; null for
     * a national number (it says nothing of its country), a number too short or too long to be
     * one, and a calling code no single country owns: a non-geographic one ({@code +800}) or one
     * several share ({@code +1}: the US, Canada and the Caribbean; {@code +7}; {@code +44} with
     * Jersey, Guernsey and Man) unless the number itself is valid in one of them.
     */
    public static String countryOf(String raw) {
        String cleaned = Placeholders.clean(raw);
        if (cleaned == null) {
            return null;
        }
        String number = firstOf(cleaned);
        String international = startsWithPlus(number) ? number : withPlusFor00(number);
        if (international == null) {
            return null;
        }
        try {
            PhoneNumber parsed = NUMBERING_PLANS.parse(international, UNKNOWN_REGION);
            // one region for the code, or the one the number is valid in; null when none, "001" when non-geographic
            String region = isPossible(parsed) ? NUMBERING_PLANS.getRegionCodeForNumber(parsed) : null;
            return region == null || region.equals(NON_GEOGRAPHIC_REGION) ? null : region;
        } catch (NumberParseException unreadable) {
            return null;
        }
    }

    private static boolean isPossible(PhoneNumber parsed) {
        return NUMBERING_PLANS.isPossibleNumberWithReason(parsed) == ValidationResult.IS_POSSIBLE;
    }

    /** The number in E.164 when it is written with its country code and possible, else null. */
    private static String possibleE164(String international) {
        try {
            PhoneNumber parsed = NUMBERING_PLANS.parse(international, UNKNOWN_REGION);
            return isPossible(parsed) ? NUMBERING_PLANS.format(parsed, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException unreadable) {
            return null;
        }
    }

    /** {@code "0049 30 …"} as {@code "+49 30 …"}; null unless the number's first digits are 00 and a country code. */
    private static String withPlusFor00(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == '+') {
                return null;
            }
            if (Character.isDigit(c)) {
                String afterZeroZero = number.startsWith("00", i) ? number.substring(i + 2) : "";
                // a country code never starts with 0: "000 …" is no number dialled abroad
                boolean countryCodeFollows = afterZeroZero.chars().filter(Character::isDigit).findFirst()
                        .stream().anyMatch(digit -> digit != '0');
                return countryCodeFollows ? "+" + afterZeroZero : null;
            }
        }
        return null;
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
