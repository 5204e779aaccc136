package io.leadrouter.lead;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The fields a source system sends about a lead, one component per {@link LeadField} in its
 * order. {@code attributes} is a JSON object of any further fields, kept as given.
 */
public record LeadData(
        String externalId,
        String firstName,
        String lastName,
        String email,
        String phone,
        String company,
        String website,
        String country,
        String state,
        String city,
        String industry,
        Integer employees,
        BigDecimal annualRevenue,
        String product,
        String source,
        String language,
        // the API view shows attributes as a JSON object, not as this text (LeadView)
        @JsonIgnore String attributes) {

    /** Data whose fields have the values {@code value} gives (each of its field's kind). */
    public static LeadData of(Function<LeadField, Object> value) {
        return new LeadData(
                (String) value.apply(LeadField.EXTERNAL_ID),
                (String) value.apply(LeadField.FIRST_NAME),
                (String) value.apply(LeadField.LAST_NAME),
                (String) value.apply(LeadField.EMAIL),
                (String) value.apply(LeadField.PHONE),
                (String) value.apply(LeadField.COMPANY),
                (String) value.apply(LeadField.WEBSITE),
                (String) value.apply(LeadField.COUNTRY),
                (String) value.apply(LeadField.STATE),
                (String) value.apply(LeadField.CITY),
                (String) value.apply(LeadField.INDUSTRY),
                (Integer) value.apply(LeadField.EMPLOYEES),
                (BigDecimal) value.apply(LeadField.ANNUAL_REVENUE),
                (String) value.apply(LeadField.PRODUCT),
                (String) value.apply(LeadField.SOURCE),
                (String) value.apply(LeadField.LANGUAGE),
                (String) value.apply(LeadField.ATTRIBUTES));
    }

    /** The same data with some fields changed (a field mapped to null is cleared). */
    public LeadData with(Map<LeadField, ?> changes) {
        return of(field -> changes.containsKey(field) ? changes.get(field) : field.of(this));
    }

    /** The same data without the ways to reach the person ({@link LeadField.Trait#CONTACT}). */
    public LeadData withoutContact() {
        Map<LeadField, Object> cleared = new EnumMap<>(LeadField.class);
        LeadField.with(LeadField.Trait.CONTACT).forEach(field -> cleared.put(field, null));
        return with(cleared);
    }
}
