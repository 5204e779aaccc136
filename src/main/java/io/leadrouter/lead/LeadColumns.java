package io.leadrouter.lead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.leadrouter.normalise.Domains;
import io.leadrouter.storage.StorableText;
import io.leadrouter.web.FieldError;

/**
 * What the {@code leads} table can hold (V1 migration), field by field: the text columns' sizes
 * are declared with the fields ({@link LeadField}), the ranges of numbers and domains here.
 * Intake checks a lead against it twice, as sent and as it will be stored after normalising
 * (lower-casing {@code İ} gives two characters), and the routing job checks again, so no lead is
 * acknowledged whose values the database would refuse.
 *
 * <p>Lengths count Java characters (UTF-16 code units): what H2 counts, and never fewer than the
 * code points PostgreSQL counts, so a value that fits here fits both databases. Text no column
 * takes ({@link StorableText}: NUL, lone surrogates) is refused too.
 */
public final class LeadColumns {

    /**
     * {@code leads.email_domain} and {@code accounts.domain}: the domain of the e-mail address
     * and of the website are matched against accounts, so their limit is the e-mail's and the
     * website's too (DNS allows 253 anyway).
     */
    public static final int DOMAIN = 255;

    /** {@code annual_revenue numeric(19, 2)}: 17 digits before the point. */
    public static final BigDecimal REVENUE_LIMIT = new BigDecimal("1e17");

    /** Digits kept after the point: revenue is stored in cents. */
    public static final int REVENUE_SCALE = 2;

    private LeadColumns() {
    }

    /** The longest value the column of a text field holds, in characters (declared in {@link LeadField}). */
    public static int maxLength(String field) {
        return LeadField.named(field).filter(declared -> declared.kind().isText()).map(LeadField::maxLength)
                .orElseThrow(() -> new IllegalArgumentException("not a text field of a lead: " + field));
    }

    /**
     * An annual revenue as stored: rounded half-up to cents. Empty when it does not fit
     * {@code numeric(19, 2)} (negative, or 10<sup>17</sup> or more after rounding). The size is
     * judged from the number's digits and exponent before any arithmetic, so {@code 1e-100001}
     * or {@code 1e999999999} cost nothing to refuse or round.
     */
    public static Optional<BigDecimal> revenueInCents(BigDecimal value) {
        if (value.signum() < 0) {
            return Optional.empty();
        }
        if (value.signum() == 0) {
            return Optional.of(BigDecimal.ZERO.setScale(REVENUE_SCALE));
        }
        long integerDigits = (long) value.precision() - value.scale(); // 10^(d-1) <= value < 10^d
        if (integerDigits > 17) {
            return Optional.empty();
        }
        if (integerDigits < -REVENUE_SCALE) {
            return Optional.of(BigDecimal.ZERO.setScale(REVENUE_SCALE)); // below 0.001: rounds to 0.00
        }
        BigDecimal cents = value.setScale(REVENUE_SCALE, RoundingMode.HALF_UP);
        return cents.compareTo(REVENUE_LIMIT) < 0 ? Optional.of(cents) : Optional.empty();
    }

    /** What {@code annualRevenue} accepts, for error messages. */
    public static String revenueRange() {
        return "a number from 0 to 99999999999999999.99 (annual revenue in USD, kept in cents)";
    }

    /**
     * Every field of the lead whose value its column cannot hold, named as the API names it;
     * empty when the whole lead can be stored. {@code as} says which form of the value was
     * checked ("once normalised"), for the message; null for the value as sent.
     */
    public static List<FieldError> misfits(LeadData data, String as) {
        List<FieldError> errors = new ArrayList<>();
        String suffix = as == null ? "" : " " + as;
        for (LeadField field : LeadField.values()) {
            if (field.kind().isText() && field.of(data) instanceof String value) {
                Optional<String> unstorable = StorableText.problem(value);
                if (unstorable.isPresent()) {
                    errors.add(new FieldError(field.fieldName(), unstorable.get() + suffix));
                } else if (value.length() > field.maxLength()) {
                    errors.add(new FieldError(field.fieldName(), "must be at most " + field.maxLength()
                            + " characters" + suffix + " (it is " + value.length() + ")"));
                }
            }
        }
        domainMisfit(errors, LeadField.EMAIL, Domains.ofEmail(data.email()), "the domain after @", suffix);
        domainMisfit(errors, LeadField.WEBSITE, Domains.ofWebsite(data.website()), "the domain", suffix);
        for (LeadField field : LeadField.values()) {
            Object value = field.of(data);
            if (field.kind() == LeadField.Kind.WHOLE_NUMBER && value instanceof Integer number && number < 0) {
                errors.add(new FieldError(field.fieldName(), "must be a whole number from 0 to " + Integer.MAX_VALUE));
            }
            if (field.kind() == LeadField.Kind.AMOUNT && value instanceof BigDecimal amount
                    && (amount.scale() > REVENUE_SCALE || revenueInCents(amount).isEmpty())) {
                errors.add(new FieldError(field.fieldName(), "must be " + revenueRange() + suffix));
            }
        }
        return errors;
    }

    /** A domain longer than {@link #DOMAIN}, unless its field is wrong already. */
    private static void domainMisfit(List<FieldError> errors, LeadField field, String domain, String what,
                                     String suffix) {
        if (domain != null && domain.length() > DOMAIN
                && errors.stream().noneMatch(e -> e.field().equals(field.fieldName()))) {
            errors.add(new FieldError(field.fieldName(), what + " must be at most " + DOMAIN + " characters"
                    + suffix + " (it is " + domain.length() + ")"));
        }
    }
}
