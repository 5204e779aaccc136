package io.leadrouter.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadColumns;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadField;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.web.FieldError;

/** Normalises a stored lead and records its soft problems (stage "Validate and normalise lead"). */
@Service
public class LeadValidation {

    private final LeadRepository leads;
    private final ContactLocks contactLocks;

    LeadValidation(LeadRepository leads, ContactLocks contactLocks) {
        this.leads = leads;
        this.contactLocks = contactLocks;
    }

    /**
     * Normalises the lead in place; idempotent, so a retried job gives the same result. Fails
     * with {@link UnstorableLeadException} (the incident's message) when a normalised value does
     * not fit its column, instead of the database's error at commit.
     */
    @Transactional
    public LeadNormaliser.Result validate(String leadId) {
        Lead lead = leads.require(leadId);
        LeadNormaliser.Result result = LeadNormaliser.normalise(lead.data());
        requireStorable(leadId, "its normalised data", result.data());
        lead.applyNormalised(result.data(), result.countrySource());
        lead.markProblems(result.problems());
        return result;
    }

    /**
     * One person, one open lead: the open lead of the same person (same e-mail address) that this
     * lead duplicates, to merge into; or none, and then this lead becomes its person's open lead.
     * Holds the address's lock ({@link ContactLocks}) until the routing transaction commits, so
     * that of concurrent leads of one address exactly one becomes the open lead and the others
     * merge into that one, whatever order they were received, committed or routed in. A lead
     * merges only into a lead that passed this check itself, never into one that is merging.
     */
    @Transactional
    public Optional<String> openLeadToMergeInto(String leadId) {
        Lead lead = leads.require(leadId);
        if (lead.getEmail() == null) {
            return Optional.empty();
        }
        contactLocks.lock(lead.getEmail());
        Optional<String> open = leads.findOpenLeadOfPerson(lead.getEmail(), leadId).stream().findFirst();
        if (open.isEmpty()) {
            lead.passDuplicateCheck();
        }
        return open;
    }

    /**
     * Applies what the reviewer left in the fields of the Review lead form (those
     * {@link LeadField.Trait#CORRECTED_IN_REVIEW}; an emptied field is null), normalises again and
     * sends the lead on. Problems that remain were accepted by the reviewer and stay on record;
     * the review policy does not hold the lead again ({@link ReviewPolicy}).
     */
    @Transactional
    public Lead applyCorrections(String leadId, Map<LeadField, String> corrections) {
        Lead lead = leads.require(leadId);
        LeadData corrected = lead.data().with(corrections);
        requireStorable(leadId, "the review corrections", corrected);
        LeadNormaliser.Result result = LeadNormaliser.normalise(corrected);
        requireStorable(leadId, "the review corrections, normalised,", result.data());
        lead.applyNormalised(result.data(), result.countrySource());
        lead.markProblems(result.problems());
        lead.acceptReview();
        return lead;
    }

    private static void requireStorable(String leadId, String what, LeadData data) {
        List<FieldError> misfits = LeadColumns.misfits(data, null);
        if (!misfits.isEmpty()) {
            throw new UnstorableLeadException(leadId, what, misfits);
        }
    }
}
