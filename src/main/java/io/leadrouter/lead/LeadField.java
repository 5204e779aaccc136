package io.leadrouter.lead;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields a source system sends about a lead, declared once. The parser, the column checks,
 * the normaliser, the source mappings, the review form's corrections, the API view and the DMN
 * inputs read a lead field by field from here instead of listing the fields themselves. Adding a field is
 * a line here, a component of {@link LeadData} (and its line in {@link LeadData#of}), the entity's
 * column with a getter and a package-private setter, and a Flyway migration;
 * {@code LeadFieldCoverageTest} proves every consumer took it up.
 *
 * <p>The order is the API's: errors, CSV columns and JSON follow it. The normaliser relies on
 * nothing else of it.
 */
public enum LeadField {

    EXTERNAL_ID("externalId", Kind.TEXT_OR_NUMBER, 200, Normalisation.AS_GIVEN, Set.of(),
            LeadData::externalId, Lead::getExternalId, Lead::setExternalId),
    FIRST_NAME("firstName", Kind.TEXT, 200, Normalisation.PLACEHOLDER_DROPPED, Set.of(Trait.CORRECTED_IN_REVIEW),
            LeadData::firstName, Lead::getFirstName, Lead::setFirstName),
    LAST_NAME("lastName", Kind.TEXT, 200, Normalisation.PLACEHOLDER_DROPPED, Set.of(Trait.CORRECTED_IN_REVIEW),
            LeadData::lastName, Lead::getLastName, Lead::setLastName),
    EMAIL("email", Kind.TEXT, 320, Normalisation.EMAIL, Set.of(Trait.CONTACT, Trait.CORRECTED_IN_REVIEW),
            LeadData::email, Lead::getEmail, Lead::setEmail),
    PHONE("phone", Kind.TEXT_OR_NUMBER, 50, Normalisation.PHONE, Set.of(Trait.CONTACT, Trait.CORRECTED_IN_REVIEW),
            LeadData::phone, Lead::getPhone, Lead::setPhone),
    COMPANY("company", Kind.TEXT, 300, Normalisation.PLACEHOLDER_DROPPED, Set.of(Trait.CORRECTED_IN_REVIEW),
            LeadData::company, Lead::getCompany, Lead::setCompany),
    WEBSITE("website", Kind.TEXT, 500, Normalisation.LOWER_CASE, Set.of(),
            LeadData::website, Lead::getWebsite, Lead::setWebsite),
    COUNTRY("country", Kind.TEXT, 100, Normalisation.COUNTRY, Set.of(Trait.CORRECTED_IN_REVIEW),
            LeadData::country, Lead::getCountry, Lead::setCountry),
    STATE("state", Kind.TEXT, 100, Normalisation.US_STATE, Set.of(Trait.CORRECTED_IN_REVIEW),
            LeadData::state, Lead::getState, Lead::setState),
    CITY("city", Kind.TEXT, 200, Normalisation.PLACEHOLDER_DROPPED, Set.of(Trait.CORRECTED_IN_REVIEW),
            LeadData::city, Lead::getCity, Lead::setCity),
    INDUSTRY("industry", Kind.TEXT, 200, Normalisation.INDUSTRY, Set.of(),
            LeadData::industry, Lead::getIndustry, Lead::setIndustry),
    EMPLOYEES("employees", Kind.WHOLE_NUMBER, 0, Normalisation.AS_GIVEN, Set.of(),
            LeadData::employees, Lead::getEmployees, Lead::setEmployees),
    ANNUAL_REVENUE("annualRevenue", Kind.AMOUNT, 0, Normalisation.AS_GIVEN, Set.of(),
            LeadData::annualRevenue, Lead::getAnnualRevenue, Lead::setAnnualRevenue),
    PRODUCT("product", Kind.TEXT, 200, Normalisation.PRODUCT, Set.of(),
            LeadData::product, Lead::getProduct, Lead::setProduct),
    SOURCE("source", Kind.TEXT, 200, Normalisation.SOURCE, Set.of(),
            LeadData::source, Lead::getSource, Lead::setSource),
    LANGUAGE("language", Kind.TEXT, 20, Normalisation.LOWER_CASE, Set.of(),
            LeadData::language, Lead::getLanguage, Lead::setLanguage),
    /** Every further field of the source system, a JSON object kept as given (see {@link LeadAttributes}). */
    ATTRIBUTES("attributes", Kind.OBJECT, 65_535, Normalisation.AS_GIVEN, Set.of(),
            LeadData::attributes, Lead::getAttributes, Lead::setAttributes);

    /** How a field's value arrives and is kept. */
    public enum Kind {
        /** Text (a JSON string). */
        TEXT(String.class),
        /** Text that a source system may send as a JSON number (ids, phone numbers). */
        TEXT_OR_NUMBER(String.class),
        /** A whole number from 0 up. */
        WHOLE_NUMBER(Integer.class),
        /** An amount of money, kept in cents (see {@link LeadColumns#revenueInCents}). */
        AMOUNT(BigDecimal.class),
        /** A JSON object, kept as its text; a source's further fields, which no mapping targets as a whole. */
        OBJECT(String.class);

        private final Class<?> javaType;

        Kind(Class<?> javaType) {
            this.javaType = javaType;
        }

        /** Whether the column holds text, so its size is counted in characters. */
        public boolean isText() {
            return javaType == String.class;
        }
    }

    /** How the normaliser (intake) brings a field to one spelling. */
    public enum Normalisation {
        /** Kept as sent. */
        AS_GIVEN,
        /** Placeholders such as {@code Select} or {@code n/a} dropped. */
        PLACEHOLDER_DROPPED,
        /** Placeholders dropped, the rest in lower case. */
        LOWER_CASE,
        EMAIL,
        PHONE,
        /** An ISO country code; a known US state without a country means US. */
        COUNTRY,
        /** A US state code when the country is US. */
        US_STATE,
        INDUSTRY,
        PRODUCT,
        SOURCE
    }

    /** What else a field is to Lead Router. */
    public enum Trait {
        /** A way to reach the person: hidden from those who may read a lead but not work it. */
        CONTACT,
        /** Shown on the Review lead form for sales ops to correct. */
        CORRECTED_IN_REVIEW
    }

    private static final Map<String, LeadField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(LeadField::fieldName, Function.identity()));

    private final String fieldName;
    private final Kind kind;
    private final int maxLength;
    private final Normalisation normalisation;
    private final Set<Trait> traits;
    private final Function<LeadData, ?> inData;
    private final Function<Lead, ?> onLead;
    private final BiConsumer<Lead, Object> toLead;

    <T> LeadField(String fieldName, Kind kind, int maxLength, Normalisation normalisation, Set<Trait> traits, Function<LeadData, T> inData, Function<Lead, T> onLead,
                  BiConsumer<Lead, T> toLead) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.maxLength = maxLength;
        this.normalisation = normalisation;
        this.traits = traits;
        this.inData = inData;
        this.onLead = onLead;
        this.toLead = (lead, value) -> toLead.accept(lead, cast(value));
    }

    @SuppressWarnings("unchecked")
    private <T> T cast(Object value) {
        return (T) kind.javaType.cast(value);
    }

    /** The field named so in the API (JSON, CSV header, form key, DMN input), if there is one. */
    public static Optional<LeadField> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The fields that have a trait, in declaration order. */
    public static List<LeadField> with(Trait trait) {
        return Arrays.stream(values()).filter(field -> field.has(trait)).toList();
    }

    /** The name in the API: the JSON property, the CSV header, the form key, the DMN input. */
    public String fieldName() {
        return fieldName;
    }

    public Kind kind() {
        return kind;
    }

    /** The longest text the column holds, in characters; only for text kinds. */
    public int maxLength() {
        if (!kind.isText()) {
            throw new IllegalStateException(fieldName + " is not kept as text");
        }
        return maxLength;
    }

    public Normalisation normalisation() {
        return normalisation;
    }

    public boolean has(Trait trait) {
        return traits.contains(trait);
    }

    /** The field's value in submitted data. */
    public Object of(LeadData data) {
        return inData.apply(data);
    }

    /** The field's value on a stored lead. */
    public Object of(Lead lead) {
        return onLead.apply(lead);
    }

    /** Sets the field on a lead; the value must be of the field's kind. */
    void set(Lead lead, Object value) {
        toLead.accept(lead, value);
    }
}
