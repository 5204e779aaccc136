package io.leadrouter.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.leadrouter.normalise.Countries;
import io.leadrouter.normalise.CountryInference;
import io.leadrouter.normalise.CountrySource;
import io.leadrouter.normalise.Emails;
import io.leadrouter.normalise.Industries;
import io.leadrouter.normalise.Phones;
import io.leadrouter.normalise.Placeholders;
import io.leadrouter.normalise.Products;
import io.leadrouter.normalise.Sources;
import io.leadrouter.normalise.UsStates;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadField;
import io.leadrouter.lead.LeadProblem;

/**
 * Brings a lead's fields to one spelling (ISO country codes, read from the lead's other fields
 * when it names none ({@link CountryInference}), US state codes, phone numbers in
 * E.164 by the lead's country, lower-case e-mail, canonical sources, industries and products,
 * placeholders such as {@code Select} dropped) and
 * lists its soft problems, each by its code ({@link LeadProblem}). Which spelling a field gets is
 * declared with the field ({@link LeadField#normalisation()}). Soft problems never reject a lead:
 * the review policy ({@link ReviewPolicy}) decides whether a person looks at the lead first or it
 * routes with the problem noted. A value that cannot be normalised is kept as given, so a reviewer
 * sees what arrived.
 */
public final class LeadNormaliser {

    private LeadNormaliser() {
    }

    /**
     * A normalised lead, its soft problems (empty when nothing is wrong with it) and where its
     * country came from (null when it has none).
     */
    public record Result(LeadData data, List<LeadProblem.Found> problems, CountrySource countrySource) {
    }

    /** A field's normalised value and what is wrong with it. */
    private record Normalised(Object value, List<LeadProblem.Found> problems) {

        static Normalised of(Object value) {
            return new Normalised(value, List.of());
        }

        static Normalised of(Object value, LeadProblem.Found problem) {
            return new Normalised(value, List.of(problem));
        }
    }

    /** Normalises every field as declared; the problems come field by field, in declaration order. */
    public static Result normalise(LeadData raw) {
        // first: a national phone number is read by the lead's country, given or inferred
        LeadCountry leadCountry = country(raw);
        Normalised country = leadCountry.normalised();
        List<LeadProblem.Found> problems = new ArrayList<>();
        Map<LeadField, Object> values = new EnumMap<>(LeadField.class);
        for (LeadField field : LeadField.values()) {
            Object given = field.of(raw);
            Normalised normalised = switch (field.normalisation()) {
                case AS_GIVEN -> Normalised.of(given);
                case PLACEHOLDER_DROPPED -> Normalised.of(Placeholders.clean((String) given));
                case LOWER_CASE -> Normalised.of(lowerCase(Placeholders.clean((String) given)));
                case EMAIL -> email((String) given);
                case PHONE -> phone((String) given, (String) country.value());
                case COUNTRY -> country;
                case US_STATE -> usState((String) given, (String) country.value());
                case INDUSTRY -> Normalised.of(Industries.canonical((String) given));
                case PRODUCT -> Normalised.of(Products.canonical((String) given));
                case SOURCE -> Normalised.of(Sources.canonical((String) given));
            };
            values.put(field, normalised.value());
            problems.addAll(normalised.problems());
            missing(field, values).ifPresent(problems::add);
        }
        return new Result(LeadData.of(values::get), List.copyOf(problems), leadCountry.source());
    }

    /** What a rep misses once {@code field} is normalised: a way to reach the person, a company. */
    private static Optional<LeadProblem.Found> missing(LeadField field, Map<LeadField, Object> values) {
        return switch (field) {
            case PHONE -> values.get(LeadField.EMAIL) == null && values.get(LeadField.PHONE) == null
                    ? Optional.of(LeadProblem.NO_CONTACT.found("No e-mail address or phone number")) : Optional.empty();
            case COMPANY -> values.get(LeadField.COMPANY) == null
                    ? Optional.of(LeadProblem.NO_COMPANY.found("No company name")) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Normalised email(String given) {
        String email = Emails.normalise(given);
        if (email != null && !Emails.isValidSyntax(email)) {
            return Normalised.of(email, LeadProblem.INVALID_EMAIL.found("E-mail address '" + email + "' is not valid"));
        }
        if (email != null && Emails.isSuspicious(email)) {
            return Normalised.of(email, LeadProblem.SUSPICIOUS_EMAIL.found("Suspicious e-mail address '" + email + "'"));
        }
        return Normalised.of(email);
    }

    /** A national number is read by the lead's country (normalised first, see above). */
    private static Normalised phone(String given, String country) {
        String rawPhone = Placeholders.clean(given);
        String phone = Phones.normalise(rawPhone, country);
        if (rawPhone != null && phone == null) {
            return Normalised.of(rawPhone,
                    LeadProblem.INCOMPLETE_PHONE.found("Phone number '" + rawPhone + "' looks incomplete"));
        }
        return Normalised.of(phone);
    }

    /** The lead's country and where it came from. */
    private record LeadCountry(Normalised normalised, CountrySource source) {
    }

    /**
     * The country the lead gave, never overridden (kept as given when unknown); without one, the
     * country its phone, US state, city, e-mail or website tells ({@link CountryInference}).
     */
    private static LeadCountry country(LeadData raw) {
        String rawCountry = Placeholders.clean(raw.country());
        if (rawCountry == null) {
            return CountryInference.infer(
                            new CountryInference.Clues(raw.phone(), raw.state(), raw.city(), raw.email(), raw.website()))
                    .map(inferred -> new LeadCountry(Normalised.of(inferred.country()), inferred.source()))
                    .orElseGet(() -> new LeadCountry(
                            Normalised.of(null, LeadProblem.NO_COUNTRY.found("No country")), null));
        }
        Optional<Countries.Country> resolved = Countries.resolve(rawCountry);
        return new LeadCountry(resolved.isPresent() ? Normalised.of(resolved.get().code())
                : Normalised.of(rawCountry, LeadProblem.UNKNOWN_COUNTRY.found("Unknown country '" + rawCountry + "'")),
                CountrySource.GIVEN);
    }

    private static Normalised usState(String given, String country) {
        String rawState = Placeholders.clean(given);
        if (!"US".equals(country) || rawState == null) {
            return Normalised.of(rawState);
        }
        Optional<String> code = UsStates.resolve(rawState);
        return code.isPresent() ? Normalised.of(code.get())
                : Normalised.of(rawState, LeadProblem.UNKNOWN_US_STATE.found("Unknown US state '" + rawState + "'"));
    }

    private static String lowerCase(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
