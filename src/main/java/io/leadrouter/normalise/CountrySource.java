package io.leadrouter.normalise;

/**
 * Where a lead's country came from: the lead gave it, or {@link CountryInference} read it from
 * another field, in this order of trust.
 */
public enum CountrySource {
    /** The lead named its country; never overridden. */
    GIVEN,
    /** The country calling code of a phone number written in international form ({@code +49 …}, {@code 0049 …}). */
    PHONE,
    /** A US state (or DC, PR, GU, VI) without a country means the United States. */
    US_STATE,
    /** The country of the city the lead named (world cities of 15,000 people or more). */
    CITY,
    /** The country-code top-level domain of the lead's e-mail address ({@code .de}, {@code .co.uk}). */
    EMAIL_DOMAIN,
    /** The country-code top-level domain of the lead's website. */
    WEBSITE_DOMAIN
}
