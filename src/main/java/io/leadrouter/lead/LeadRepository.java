package io.leadrouter.lead;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LeadRepository extends JpaRepository<Lead, String>, JpaSpecificationExecutor<Lead> {

    /** The installation's own lead with this externalId (history leads may carry it too: {@link Lead#isHistory()}). */
    @Query("select l from Lead l where l.externalId = :externalId and l.historySource = ''")
    Optional<Lead> findByExternalId(@Param("externalId") String externalId);

    /** Open leads per owner, for the given owners: their workload ({@link LeadStatus#AWAITING_REP}). */
    default List<Object[]> countOpenByOwner(Collection<String> owners) {
        return countByOwnerInStatus(owners, LeadStatus.AWAITING_REP);
    }

    @Query("""
            select l.ownerId, count(l) from Lead l
            where l.ownerId in :owners and l.status in :statuses
            group by l.ownerId
            """)
    List<Object[]> countByOwnerInStatus(@Param("owners") Collection<String> owners,
                                        @Param("statuses") Collection<LeadStatus> statuses);

    /**
     * The open lead ({@link LeadStatus#OPEN}) of this e-mail address that passed the duplicate
     * check, other than the given lead: the one its person's later leads merge into. Ids only,
     * read from the database rather than from entities the transaction may hold already. The
     * statuses are literals, not a list parameter: Hibernate translates a query with a list
     * parameter anew on every call (intake asks this for every lead); {@code OpenLeadDefinitionTest}
     * fails when they and {@link LeadStatus#OPEN} differ.
     */
    @Query("""
            select l.id from Lead l
            where l.email = :email and l.id <> :exceptId and l.passedDuplicateCheck = true
              and l.status in (io.leadrouter.lead.LeadStatus.RECEIVED, io.leadrouter.lead.LeadStatus.IN_REVIEW,
                               io.leadrouter.lead.LeadStatus.ASSIGNED, io.leadrouter.lead.LeadStatus.ESCALATED,
                               io.leadrouter.lead.LeadStatus.CONTACTED)
            order by l.receivedAt, l.id
            """)
    List<String> findOpenLeadOfPerson(@Param("email") String email, @Param("exceptId") String exceptId);

    /**
     * The most recently assigned lead a rep of the team works ({@link LeadStatus#WORKED_BY_REP}) from
     * the same company domain, other than the given lead. Statuses as literals, as in
     * {@link #findOpenLeadOfPerson}: account-owner routing asks this for every lead with a company
     * domain.
     */
    default Optional<Lead> findLatestWorkedLeadOfDomainInTeam(String emailDomain, String teamId, String exceptId) {
        return findWorkedLeadsOfDomainInTeam(emailDomain, teamId, exceptId, PageRequest.of(0, 1)).stream()
                .findFirst();
    }

    @Query("""
            select l from Lead l
            where l.emailDomain = :emailDomain and l.teamId = :teamId and l.id <> :exceptId
              and l.status in (io.leadrouter.lead.LeadStatus.ASSIGNED, io.leadrouter.lead.LeadStatus.CONTACTED)
            order by l.assignedAt desc
            """)
    List<Lead> findWorkedLeadsOfDomainInTeam(@Param("emailDomain") String emailDomain, @Param("teamId") String teamId,
                                             @Param("exceptId") String exceptId, Pageable page);

    default Lead require(String id) {
        return findById(id).orElseThrow(() -> new LeadNotFoundException(id));
    }

    /**
     * The lead if the user's scope includes it; otherwise {@link LeadNotFoundException}, exactly as
     * for a lead that does not exist, so that nobody learns which leads exist.
     */
    default Lead require(String id, LeadScope scope) {
        return findById(id).filter(scope::includes).orElseThrow(() -> new LeadNotFoundException(id));
    }

    /**
     * Leads of the scope, by status and owner if given: filtered in the query, so paging counts
     * only these. History leads ({@link LeadStatus#HISTORY}, thousands imported at once) are
     * listed only when asked for by their status: the list is the installation's own work.
     */
    default Page<Lead> search(LeadStatus status, String owner, LeadScope scope, Pageable pageable) {
        Specification<Lead> found = scope.asQuery();
        if (status != null) {
            found = found.and((lead, query, where) -> where.equal(lead.get("status"), status));
        } else {
            found = found.and((lead, query, where) -> where.notEqual(lead.get("status"), LeadStatus.HISTORY));
        }
        if (owner != null) {
            found = found.and((lead, query, where) -> where.equal(lead.get("ownerId"), owner));
        }
        return findAll(found, pageable);
    }
}
