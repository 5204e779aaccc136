package io.leadrouter.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.leadrouter.normalise.Countries;
import io.leadrouter.normalise.Emails;
import io.leadrouter.normalise.Industries;
import io.leadrouter.normalise.Phones;
import io.leadrouter.normalise.Placeholders;
import io.leadrouter.normalise.Products;
import io.leadrouter.normalise.Sources;
import io.leadrouter.normalise.UsStates;
import io.leadrouter.lead.LeadData;

/**
 * Brings a lead's fields to one spelling (ISO country codes, US state codes, phone numbers in
 * E.164 by the lead's country, lower-case e-mail, canonical sources, industries and products,
 * placeholders such as {@code Select} dropped) and
 * lists the soft problems a person should look at. Soft problems never reject a lead: they send
 * it to the Review lead task. A value that cannot be normalised is kept as given, so the
 * reviewer sees what arrived.
 */
public final class LeadNormaliser {

    private LeadNormaliser() {
    }

    /** A normalised lead and its soft problems (empty when it can be routed as it is). */
    public record Result(LeadData data, List<String> problems) {

        public boolean needsReview() {
            return !problems.isEmpty();
        }

        /** The problems one per line, or null when there are none. */
        public String problemText() {
            return problems.isEmpty() ? null : String.join("\n", problems);
        }
    }

    public static Result normalise(LeadData raw) {
        List<String> problems = new ArrayList<>();

        // the country first: a national phone number is read by the lead's country
        String rawState = Placeholders.clean(raw.state());
        String rawCountry = Placeholders.clean(raw.country());
        Optional<Countries.Country> resolved = rawCountry == null ? Optional.empty() : Countries.resolve(rawCountry);
        String country;
        if (rawCountry == null) {
            country = rawState != null && UsStates.resolve(rawState).isPresent() ? "US" : null;
        } else {
            country = resolved.map(Countries.Country::code).orElse(rawCountry);
        }

        String email = Emails.normalise(raw.email());
        if (email != null && !Emails.isValidSyntax(email)) {
            problems.add("E-mail address '" + email + "' is not valid");
        } else if (email != null && Emails.isSuspicious(email)) {
            problems.add("Suspicious e-mail address '" + email + "'");
        }

        String rawPhone = Placeholders.clean(raw.phone());
        String phone = Phones.normalise(rawPhone, country);
        if (rawPhone != null && phone == null) {
            problems.add("Phone number '" + rawPhone + "' looks incomplete");
            phone = rawPhone;
        }
        if (email == null && phone == null) {
            problems.add("No e-mail address or phone number");
        }

        String company = Placeholders.clean(raw.company());
        if (company == null) {
            problems.add("No company name");
        }

        if (country == null) {
            problems.add("No country");
        } else if (rawCountry != null && resolved.isEmpty()) {
            problems.add("Unknown country '" + rawCountry + "'");
        }

        String state = rawState;
        if ("US".equals(country) && rawState != null) {
            Optional<String> code = UsStates.resolve(rawState);
            state = code.orElse(rawState);
            if (code.isEmpty()) {
                problems.add("Unknown US state '" + rawState + "'");
            }
        }

        String website = Placeholders.clean(raw.website());
        String language = Placeholders.clean(raw.language());
        LeadData data = new LeadData(
                raw.externalId(),
                Placeholders.clean(raw.firstName()),
                Placeholders.clean(raw.lastName()),
                email,
                phone,
                company,
                website == null ? null : website.toLowerCase(Locale.ROOT),
                country,
                state,
                Placeholders.clean(raw.city()),
                Industries.canonical(raw.industry()),
                raw.employees(),
                raw.annualRevenue(),
                Products.canonical(raw.product()),
                Sources.canonical(raw.source()),
                language == null ? null : language.toLowerCase(Locale.ROOT),
                raw.attributes());
        return new Result(data, List.copyOf(problems));
    }
}
