package io.leadrouter.lead;

import java.math.BigDecimal;

/**
 * The fields a source system sends about a lead. {@code attributes} is a JSON object of any
 * further fields, kept as given.
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
        String attributes) {
}
