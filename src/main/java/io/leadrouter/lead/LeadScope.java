package io.leadrouter.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * The leads one user reads through {@code /api}, and of which of them the contact data (e-mail,
 * phone), as {@link LeadAccess} decided from the user's groups. A user always reads the leads
 * they own or submitted; beyond that every lead ({@code everyLead}), the leads of some teams with
 * contact data (a manager's teams) and of some without (a rep's team that shares its leads).
 *
 * <p>{@link #includes(Lead)} answers for one lead in Java, {@link #asQuery()} says the same as a
 * where clause, so that lists are filtered in the database and their paging counts only what the
 * user may read. Each condition of the where clause is served by an index of {@code leads}
 * ({@code owner_id}, {@code submitted_by}, {@code team_id}).
 *
 * @param userId               the user
 * @param everyLead            reads every lead with its contact data
 * @param teamsWithContact     teams whose leads the user reads with contact data
 * @param teamsWithoutContact  teams whose leads the user reads without contact data (unless theirs)
 */
public record LeadScope(String userId, boolean everyLead, Set<String> teamsWithContact,
                        Set<String> teamsWithoutContact) {

    public LeadScope {
        teamsWithContact = Set.copyOf(teamsWithContact);
        teamsWithoutContact = Set.copyOf(teamsWithoutContact);
    }

    static LeadScope ofEveryLead(String userId) {
        return new LeadScope(userId, true, Set.of(), Set.of());
    }

    /** Whether the user may read this lead; a lead they may not read is answered like a missing one. */
    public boolean includes(Lead lead) {
        return showsContactOf(lead) || inAny(teamsWithoutContact, lead);
    }

    /** Whether the user reads this lead's e-mail and phone: those who may work it or sent it. */
    public boolean showsContactOf(Lead lead) {
        return everyLead || userId.equals(lead.getOwnerId()) || userId.equals(lead.getSubmittedBy())
                || inAny(teamsWithContact, lead);
    }

    /** The lead as this user reads it: without e-mail and phone unless {@link #showsContactOf(Lead)}. */
    public LeadView viewOf(Lead lead) {
        LeadView view = LeadView.of(lead);
        return showsContactOf(lead) ? view : view.withoutContact();
    }

    /**
     * The leads the user may read, as a query condition ({@link #includes(Lead)} in the database):
     * {@code owner_id = :user or submitted_by = :user or team_id in (:teams)}, nothing for every lead.
     */
    public Specification<Lead> asQuery() {
        if (everyLead) {
            return Specification.unrestricted();
        }
        return (lead, query, where) -> {
            List<Predicate> anyOf = new ArrayList<>();
            anyOf.add(where.equal(lead.get("ownerId"), userId));
            anyOf.add(where.equal(lead.get("submittedBy"), userId));
            List<String> teams = new ArrayList<>(teamsWithContact);
            teams.addAll(teamsWithoutContact);
            if (!teams.isEmpty()) {
                anyOf.add(lead.get("teamId").in(teams));
            }
            return where.or(anyOf.toArray(Predicate[]::new));
        };
    }

    private static boolean inAny(Set<String> teams, Lead lead) {
        return lead.getTeamId() != null && teams.contains(lead.getTeamId());
    }
}
