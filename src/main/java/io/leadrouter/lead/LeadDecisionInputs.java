package io.leadrouter.lead;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.leadrouter.normalise.Countries;
import io.leadrouter.normalise.Emails;

/**
 * What the modelers' decisions (scoring, qualification, routing rules, response SLA) can read
 * of a lead, by name, so that a new input column needs no Java: every attribute the source sent
 * (by its name in {@code attributes}), every field ({@link LeadField#fieldName()}), and the
 * values derived from them. A field wins over an attribute of the same name, a derived value
 * over both.
 *
 * <p>Derived: {@code region} (of the country), {@code countrySource} (where the country came from:
 * {@code GIVEN}, {@code PHONE}, {@code US_STATE}, {@code CITY}, {@code EMAIL_DOMAIN},
 * {@code WEBSITE_DOMAIN}; null without one), {@code emailDomain} (everything after the @, free
 * mail included, unlike the lead's stored company domain), {@code sourceMapping} (the lead source
 * whose mapping read the lead, null for Lead Router's own form), {@code funnelStage} (text),
 * {@code totalVisits} and {@code timeOnSiteSeconds} (whole numbers, null when the attribute is
 * not a number), the lead's {@code score} and {@code tier} once it is scored (null before), its
 * {@code conversionProbability} (0 to 1) once a published conversion model scored it (null before
 * and without a model), and
 * what the lead gives at all, as booleans: {@code hasCompany} (an individual has none),
 * {@code hasContact} (an e-mail address or a phone number) and {@code hasExternalId} (the source
 * system's id, through which a person without contact data is still reached).
 * {@code annualRevenue} is a number with a fraction (DMN type double).
 *
 * <p>Attributes are read by their own names only: a source that calls them otherwise
 * ({@code TotalVisits}, {@code Lead Stage}) says so in its mapping
 * ({@code processes/sources/*.source.yaml}), not in Java.
 */
public final class LeadDecisionInputs {

    /** The published conversion model's probability, a double from 0 to 1 (null: no model scored the lead). */
    public static final String CONVERSION_PROBABILITY = "conversionProbability";

    private LeadDecisionInputs() {
    }

    public static Map<String, Object> of(Lead lead) {
        LeadAttributes attributes = LeadAttributes.of(lead);
        Map<String, Object> inputs = new HashMap<>(attributes.values());
        for (LeadField field : LeadField.values()) {
            if (field != LeadField.ATTRIBUTES) {
                Object value = field.of(lead);
                inputs.put(field.fieldName(), value instanceof BigDecimal amount ? amount.doubleValue() : value);
            }
        }
        inputs.put("region", Countries.resolve(lead.getCountry())
                .map(Countries.Country::region)
                .map(Enum::name)
                .orElse(null));
        inputs.put("countrySource", lead.getCountrySource() == null ? null : lead.getCountrySource().name());
        inputs.put("emailDomain", lead.getEmail() == null ? null : Emails.domain(lead.getEmail()));
        inputs.put("sourceMapping", lead.getSourceMapping());
        inputs.put("funnelStage", attributes.text("funnelStage"));
        inputs.put("totalVisits", attributes.whole("totalVisits"));
        inputs.put("timeOnSiteSeconds", attributes.whole("timeOnSiteSeconds"));
        inputs.put("score", lead.getScore());
        inputs.put("tier", lead.getTier() == null ? null : lead.getTier().name());
        inputs.put(CONVERSION_PROBABILITY, lead.getConversionProbability());
        inputs.put("hasCompany", lead.getCompany() != null);
        inputs.put("hasContact", lead.getEmail() != null || lead.getPhone() != null);
        inputs.put("hasExternalId", lead.getExternalId() != null);
        return inputs;
    }
}
