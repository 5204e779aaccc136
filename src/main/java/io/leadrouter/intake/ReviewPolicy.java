package io.leadrouter.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.engine.Decisions;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadDecisionInputs;
import io.leadrouter.lead.LeadEvent;
import io.leadrouter.lead.LeadEventType;
import io.leadrouter.lead.LeadProblem;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadTimeline;

/**
 * Whether a lead with soft problems waits for a person (Review lead) or routes with its problems
 * noted: the modelers' decision {@code leadReview} ({@code processes/lead-review.dmn}, hit policy
 * FIRST), so sales ops change what their review queue holds without Java. It is evaluated once
 * per problem, with the problem's code as {@code problem} and the lead's decision inputs
 * ({@link LeadDecisionInputs}: fields, attributes, score and tier, {@code hasCompany},
 * {@code hasContact}, {@code hasExternalId}); one problem held holds the lead. A problem's line
 * is the problem as found followed by the rule's reason ("Unknown country 'Narnia': territory
 * decides who gets a hot lead"): the reviewer reads the held ones on the form, and the timeline
 * keeps them, or the notes of a lead that routes.
 *
 * <p>The policy runs after scoring, so a rule can hold hot leads only. A lead the reviewer
 * accepted is not judged again: it routes with whatever problems remain, noted as accepted.
 */
@Service
public class ReviewPolicy {

    static final String DECISION = "leadReview";

    private final LeadRepository leads;
    private final Decisions decisions;
    private final LeadTimeline timeline;
    private final Clock clock;

    ReviewPolicy(LeadRepository leads, Decisions decisions, LeadTimeline timeline, Clock clock) {
        this.leads = leads;
        this.decisions = decisions;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** What the policy does with a problem; in the decision, the output {@code action} says it in lower case. */
    public enum Action {
        HOLD, ROUTE;

        static Action of(Object word) {
            return Arrays.stream(values())
                    .filter(action -> action.name().toLowerCase(Locale.ROOT).equals(word))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Decision '" + DECISION + "' gave action '" + word
                            + "', which Lead Router does not know: it must be \"hold\" or \"route\""));
        }
    }

    /** One problem judged: held or routed, and the rule's reason (null when the rule gives none). */
    public record Judgement(LeadProblem.Found problem, Action action, String reason) {

        /** The problem as found, then why the policy holds or routes it. */
        public String line() {
            return reason == null || reason.isBlank() ? problem.text() : problem.text() + ": " + reason;
        }
    }

    /**
     * The verdict on a lead: held when any problem is; the judgements in the order the problems
     * were found (none for a lead without problems or accepted in review).
     */
    public record Verdict(boolean held, List<Judgement> judgements) {

        /** Why the lead is held, one line per held problem; null when it is not held. */
        public String heldReasons() {
            return held ? String.join("\n", judgements.stream()
                    .filter(judged -> judged.action() == Action.HOLD).map(Judgement::line).toList()) : null;
        }
    }

    /**
     * Judges the lead's problems and records the verdict: a held lead is {@code IN_REVIEW} with the
     * reasons on its timeline ({@link LeadEventType#HELD_FOR_REVIEW}); a lead that routes with
     * problems gets them noted there ({@link LeadEventType#PROBLEMS_NOTED}). A lead without
     * problems leaves no trace.
     *
     * @param acceptedInReview a reviewer accepted the lead: it is not held again
     */
    @Transactional
    public Verdict decide(String leadId, boolean acceptedInReview) {
        Lead lead = leads.require(leadId);
        List<LeadProblem.Found> problems = lead.problems();
        if (problems.isEmpty()) {
            return new Verdict(false, List.of());
        }
        if (acceptedInReview) {
            record(lead, LeadEventType.PROBLEMS_NOTED, "Problems accepted in review: "
                    + String.join("; ", problems.stream().map(LeadProblem.Found::text).toList()));
            return new Verdict(false, List.of());
        }
        Map<String, Object> inputs = LeadDecisionInputs.of(lead);
        List<Judgement> judgements = new ArrayList<>();
        int version = 0;
        for (LeadProblem.Found problem : problems) {
            inputs.put("problem", problem.problem().name());
            Decisions.Evaluated answer = decisions.evaluateLatestSingle(DECISION, inputs);
            Object reason = answer.entries().get("reason");
            judgements.add(new Judgement(problem, Action.of(answer.entries().get("action")),
                    reason == null ? null : reason.toString()));
            version = answer.version();
        }
        boolean held = judgements.stream().anyMatch(judged -> judged.action() == Action.HOLD);
        Verdict verdict = new Verdict(held, List.copyOf(judgements));
        if (held) {
            lead.holdForReview();
            record(lead, LeadEventType.HELD_FOR_REVIEW, "Held for review by the review policy (version " + version
                    + "): " + verdict.heldReasons().replace("\n", "; "));
        } else {
            record(lead, LeadEventType.PROBLEMS_NOTED, "Problems noted by the review policy (version " + version
                    + "), not held: " + String.join("; ", judgements.stream().map(Judgement::line).toList()));
        }
        return verdict;
    }

    private void record(Lead lead, LeadEventType type, String summary) {
        timeline.record(new LeadEvent(lead.getId(), type, clock.instant(), null, lead.getTeamId(), null, summary));
    }
}
