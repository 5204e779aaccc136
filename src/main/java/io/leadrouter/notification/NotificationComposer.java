package io.leadrouter.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.team.Directory;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * Writes the notifications about a lead: who gets them and what they say, in the time zone of
 * the rep whose deadline it is. Reps get their own leads (a follow-up handed to them too, with its
 * follow-up date instead of a deadline) and reminders; the manager of the rep
 * who missed a deadline gets reassignments and escalations (the rep hears that the lead is gone);
 * whoever follows up a contacted lead (its rep, or the manager holding it) gets its follow-up date.
 */
@Service
public class NotificationComposer {

    /** Process variables hold text up to 4,000 characters; a notification stays well below. */
    private static final int MAX_TEXT = 3000;

    private final LeadRepository leads;
    private final RepRepository reps;
    private final Directory directory;
    private final ObjectMapper json;
    private final Clock clock;

    NotificationComposer(LeadRepository leads, RepRepository reps, Directory directory, ObjectMapper json, Clock clock) {
        this.leads = leads;
        this.reps = reps;
        this.directory = directory;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param previousOwner the rep who missed the deadline (reassignment, escalation), else null
     */
    @Transactional(readOnly = true)
    public Notification compose(NotificationKind kind, String leadId, String previousOwner) {
        Lead lead = leads.require(leadId);
        Optional<Rep> owner = rep(lead.getOwnerId());
        Optional<Rep> previous = rep(previousOwner);
        Optional<Rep> deadlineRep = owner.isPresent() ? owner : previous;
        String managerId = lead.getEscalatedTo() != null ? lead.getEscalatedTo()
                : previous.or(() -> owner).map(Rep::getManagerId).orElse(null);
        Optional<Directory.Person> manager = directory.find(managerId);
        String label = label(lead);
        String due = lead.getSlaDueAt() == null ? null
                : deadlineRep.map(rep -> rep.workingHours().localTime(lead.getSlaDueAt()))
                        .orElse(lead.getSlaDueAt().toString());
        String ownerName = owner.map(Rep::getName).orElse(null);
        String previousName = previous.map(Rep::getName).orElse(previousOwner);

        List<String> to = new ArrayList<>();
        String subject;
        StringBuilder text = new StringBuilder();
        String planned = lead.getFollowUpAt() == null ? null
                : owner.map(rep -> rep.workingHours().localTime(lead.getFollowUpAt()))
                        .orElse(lead.getFollowUpAt().toString());
        switch (kind) {
            case ASSIGNED -> {
                if (lead.getStatus() == LeadStatus.CONTACTED) {
                    // a follow-up handed over: contacted already, its response deadline is history
                    owner.map(Rep::getEmail).ifPresent(to::add);
                    subject = "Follow-up handed to you: " + label + (planned == null ? "" : ", follow up " + planned);
                    text.append("Hello ").append(owner.map(Rep::getFirstName).orElse("")).append(",\n\n")
                            .append(label).append(" is yours to follow up: the lead was contacted already.\n")
                            .append(line("Why you", lead.getRoutingReason()))
                            .append(line("Last note", lead.getOutcomeNote()))
                            .append(planned == null ? "" : "\nFollow up by " + planned + ".")
                            .append("\nRecord the outcome on the Follow up lead task in Tasklist (converted, lost, ")
                            .append("still working with the next date).\n");
                } else {
                    owner.map(Rep::getEmail).ifPresent(to::add);
                    subject = "New " + tier(lead) + "lead for you: " + label + (due == null ? "" : ", respond by " + due);
                    text.append("Hello ").append(owner.map(Rep::getFirstName).orElse("")).append(",\n\n")
                            .append(label).append(" is yours.\n").append(line("Why you", lead.getRoutingReason()))
                            .append(due == null ? "" : "\nPlease respond by " + due
                                    + ": record the first outcome on the Work lead task in Tasklist.\n");
                }
            }
            case REMINDER -> {
                owner.map(Rep::getEmail).ifPresent(to::add);
                subject = "Reminder: respond to " + label + (due == null ? "" : " by " + due);
                text.append("Hello ").append(owner.map(Rep::getFirstName).orElse("")).append(",\n\n")
                        .append(label).append(" still waits for your response")
                        .append(due == null ? "" : ", due " + due)
                        .append(". If nobody responds by then, the lead goes to a colleague.\n");
            }
            case REASSIGNED -> {
                manager.map(Directory.Person::email).ifPresent(to::add);
                previous.map(Rep::getEmail).ifPresent(to::add);
                subject = "Lead reassigned: " + label + " went from " + previousName + " to " + ownerName;
                text.append(previousName).append(" did not respond to ").append(label)
                        .append(" in time, so the lead was taken away and given to ").append(ownerName)
                        .append(due == null ? "" : ", who must respond by " + due).append(".\n")
                        .append(line("Reassigned because", lead.getRoutingReason()));
            }
            case ESCALATED -> {
                manager.map(Directory.Person::email).ifPresent(to::add);
                subject = "Escalated lead: " + label + " needs a manager";
                text.append("Hello ").append(manager.map(Directory.Person::name).orElse("")).append(",\n\n")
                        .append(lead.getRoutingReason()).append(".\n\n")
                        .append("Handle the lead in Tasklist: task \"Handle escalated lead\".\n");
            }
            case FOLLOW_UP_DUE -> {
                Optional<Directory.Person> holder = directory.find(lead.holder());
                holder.map(Directory.Person::email).ifPresent(to::add);
                subject = "Follow up " + label + (planned == null ? " today" : ": due " + planned);
                text.append("Hello ").append(holder.map(Directory.Person::name).orElse("")).append(",\n\n")
                        .append("It is time to follow up ").append(label)
                        .append(planned == null ? "" : ", as planned for " + planned).append(".\n")
                        .append(line("Last note", lead.getOutcomeNote()))
                        .append("\nRecord the outcome on the Follow up lead task in Tasklist (converted, lost, ")
                        .append("still working with the next date), or move its follow-up date there.\n");
            }
            case QUEUE_REMINDER -> {
                directory.salesOps().stream().map(Directory.Person::email).forEach(to::add);
                subject = "Waiting for sales ops: " + label + " (" + queueTask(lead) + ")";
                text.append(label).append(" has been waiting for sales ops since ").append(lead.getReceivedAt())
                        .append(": task \"").append(queueTask(lead)).append("\" in Tasklist, queue \"")
                        .append(queue(lead)).append("\".\n");
            }
            case QUEUE_OVERDUE -> {
                directory.managersOf(lead.getTeamId()).stream().map(Directory.Person::email).forEach(to::add);
                directory.salesOps().stream().map(Directory.Person::email).forEach(to::add);
                subject = "Overdue in sales ops' queue: " + label + " (" + queueTask(lead) + ")";
                text.append(label).append(" has waited for sales ops past its deadline (received ")
                        .append(lead.getReceivedAt()).append("): task \"").append(queueTask(lead))
                        .append("\" in Tasklist, queue \"").append(queue(lead)).append("\". Please see that ")
                        .append("somebody takes it.\n");
            }
            default -> throw new IllegalArgumentException("Unknown notification " + kind);
        }
        text.append(details(lead));

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", kind.event());
        payload.put("occurredAt", clock.instant().toString());
        payload.put("leadId", lead.getId());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("name", lead.getName());
        about.put("company", lead.getCompany());
        about.put("tier", lead.getTier());
        about.put("score", lead.getScore());
        about.put("status", lead.getStatus().name());
        payload.put("lead", about);
        payload.put("team", lead.getTeamId());
        payload.put("owner", lead.getOwnerId());
        payload.put("previousOwner", previousOwner);
        payload.put("manager", managerId);
        payload.put("slaDueAt", lead.getSlaDueAt() == null ? null : lead.getSlaDueAt().toString());
        if (kind == NotificationKind.FOLLOW_UP_DUE || lead.getStatus() == LeadStatus.CONTACTED) {
            payload.put("followUpAt", lead.getFollowUpAt() == null ? null : lead.getFollowUpAt().toString());
        }
        payload.put("reason", lead.getRoutingReason());
        return new Notification(kind, leadId, to.stream().filter(Objects::nonNull).distinct().toList(),
                shorten(subject, 250), shorten(text.toString(), MAX_TEXT), write(payload),
                kind.linksToOwnersTask() ? lead.holder() : null);
    }

    /** The sales ops task a lead waits in: review while the review policy holds it, else manual assignment. */
    private static String queueTask(Lead lead) {
        return lead.getStatus() == LeadStatus.IN_REVIEW ? "Review lead" : "Assign lead manually";
    }

    private static String queue(Lead lead) {
        return lead.getStatus() == LeadStatus.IN_REVIEW ? "To review" : "To assign";
    }

    private Optional<Rep> rep(String id) {
        return id == null ? Optional.empty() : reps.findById(id);
    }

    private static String label(Lead lead) {
        String name = lead.getName() == null ? "A lead" : lead.getName();
        return lead.getCompany() == null ? name : name + " (" + lead.getCompany() + ")";
    }

    private static String tier(Lead lead) {
        return lead.getTier() == null ? "" : lead.getTier() + " ";
    }

    private static String line(String label, Object value) {
        return value == null ? "" : label + ": " + value + "\n";
    }

    private static String details(Lead lead) {
        String location = Stream.of(lead.getCity(), lead.getState(), lead.getCountry()).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return "\n" + line("E-mail", lead.getEmail()) + line("Phone", lead.getPhone())
                + line("Location", location.isEmpty() ? null : location) + line("Product", lead.getProduct())
                + line("Source", lead.getSource())
                + line("Score", lead.getScore() == null ? null : lead.getScore() + " (" + lead.getTier() + ")")
                + line("Lead id", lead.getId());
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException plainMaps) {
            throw new IllegalStateException(plainMaps);
        }
    }
}
