package io.leadrouter.lead;

/**
 * The kinds of soft problem validation finds in a lead, by the code the review policy
 * ({@code processes/lead-review.dmn}) reads. A problem never rejects a lead: the policy decides
 * whether a person must look at it first or the lead routes with the problem noted.
 */
public enum LeadProblem {
    /** No company name: an individual, or a company left out. */
    NO_COMPANY,
    /** Neither an e-mail address nor a phone number: the person can be reached only through the source system. */
    NO_CONTACT,
    /** An e-mail address that is not valid. */
    INVALID_EMAIL,
    /** An e-mail address that looks made up or shared (for example a role or keyboard-mash address). */
    SUSPICIOUS_EMAIL,
    /** A phone number that cannot be a complete number. */
    INCOMPLETE_PHONE,
    /** No country given, and none could be told from the lead's other data. */
    NO_COUNTRY,
    /** A country that is not a known country. */
    UNKNOWN_COUNTRY,
    /** A US state that is not a known state. */
    UNKNOWN_US_STATE;

    /**
     * A problem found in one lead: its kind and what a person reads about it, on one line (a line
     * break in the lead's data that the text quotes becomes a space): the lead keeps its problems
     * one per line, in the order of its problem codes.
     */
    public record Found(LeadProblem problem, String text) {

        public Found {
            text = text.replaceAll("\\R", " ");
        }
    }

    /** A problem of this kind, described for a person. */
    public Found found(String text) {
        return new Found(this, text);
    }
}
