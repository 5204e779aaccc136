package io.leadrouter.lead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadrouter.normalise.Domains;
import io.leadrouter.storage.StorableText;
import io.leadrouter.web.FieldError;

/**
 * What the {@code leads} table can hold (V1 migration), field by field: the one place that knows
 * the column sizes. Intake checks a lead against it twice, as sent and as it will be stored after
 * normalising (lower-casing {@code İ} gives two characters), and the routing job checks again, so
 * no lead is acknowledged whose values the database would refuse.
 *
 * <p>Lengths count Java characters (UTF-16 code units): what H2 counts, and never fewer than the
 * code points PostgreSQL counts, so a value that fits here fits both databases. Text no column
 * takes ({@link StorableText}: NUL, lone surrogates) is refused too.
 */
public final class LeadColumns {

    /** The text fields and their column sizes, in the order a caller reads them. */
    private static final Map<String, Integer> TEXT = textColumns();

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

    /** The longest value the column of a text field holds, in characters. */
    public static int maxLength(String field) {
        Integer max = TEXT.get(field);
        if (max == null) {
            throw new IllegalArgumentException("not a text field of a lead: " + field);
        }
        return max;
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
        Map<String, String> values = textValues(data);
        values.forEach((field, value) -> {
            if (value == null) {
                return;
            }
            Optional<String> unstorable = StorableText.problem(value);
            if (unstorable.isPresent()) {
                errors.add(new FieldError(field, unstorable.get() + suffix));
            } else if (value.length() > TEXT.get(field)) {
                errors.add(new FieldError(field, "must be at most " + TEXT.get(field) + " characters" + suffix
                        + " (it is " + value.length() + ")"));
            }
        });
        String domain = Domains.ofEmail(data.email());
        if (domain != null && domain.length() > DOMAIN && errors.stream().noneMatch(e -> e.field().equals("email"))) {
            errors.add(new FieldError("email", "the domain after @ must be at most " + DOMAIN + " characters"
                    + suffix + " (it is " + domain.length() + ")"));
        }
        String webDomain = Domains.ofWebsite(data.website());
        if (webDomain != null && webDomain.length() > DOMAIN
                && errors.stream().noneMatch(e -> e.field().equals("website"))) {
            errors.add(new FieldError("website", "the domain must be at most " + DOMAIN + " characters"
                    + suffix + " (it is " + webDomain.length() + ")"));
        }
        if (data.employees() != null && data.employees() < 0) {
            errors.add(new FieldError("employees", "must be a whole number from 0 to " + Integer.MAX_VALUE));
        }
        BigDecimal revenue = data.annualRevenue();
        if (revenue != null && (revenue.scale() > REVENUE_SCALE || revenueInCents(revenue).isEmpty())) {
            errors.add(new FieldError("annualRevenue", "must be " + revenueRange() + suffix));
        }
        return errors;
    }

    private static Map<String, String> textValues(LeadData data) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("externalId", data.externalId());
        values.put("firstName", data.firstName());
        values.put("lastName", data.lastName());
        values.put("email", data.email());
        values.put("phone", data.phone());
        values.put("company", data.company());
        values.put("website", data.website());
        values.put("country", data.country());
        values.put("state", data.state());
        values.put("city", data.city());
        values.put("industry", data.industry());
        values.put("product", data.product());
        values.put("source", data.source());
        values.put("language", data.language());
        values.put("attributes", data.attributes());
        return values;
    }

    private static Map<String, Integer> textColumns() {
        Map<String, Integer> columns = new LinkedHashMap<>();
        columns.put("externalId", 200);
        columns.put("firstName", 200);
        columns.put("lastName", 200);
        columns.put("email", 320);
        columns.put("phone", 50);
        columns.put("company", 300);
        columns.put("website", 500);
        columns.put("country", 100);
        columns.put("state", 100);
        columns.put("city", 200);
        columns.put("industry", 200);
        columns.put("product", 200);
        columns.put("source", 200);
        columns.put("language", 20);
        columns.put("attributes", 65_535);
        return Map.copyOf(columns);
    }
}
