package io.leadrouter.lead;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LeadRepository extends JpaRepository<Lead, String> {

    Optional<Lead> findByExternalId(String externalId);

    /** Open (assigned, not yet worked) leads per owner, for the given owners. */
    @Query("""
            select l.ownerId, count(l) from Lead l
            where l.ownerId in :owners and l.status = io.leadrouter.lead.LeadStatus.ASSIGNED
            group by l.ownerId
            """)
    List<Object[]> countOpenByOwner(@Param("owners") Collection<String> owners);

    /**
     * The open lead of this e-mail address that passed the duplicate check, other than the given
     * lead: the one its person's later leads merge into. Ids only, read from the database rather
     * than from entities the transaction may hold already.
     */
    @Query("""
            select l.id from Lead l
            where l.email = :email and l.id <> :exceptId and l.passedDuplicateCheck = true
              and l.status in (io.leadrouter.lead.LeadStatus.RECEIVED, io.leadrouter.lead.LeadStatus.IN_REVIEW,
                               io.leadrouter.lead.LeadStatus.ASSIGNED, io.leadrouter.lead.LeadStatus.CONTACTED,
                               io.leadrouter.lead.LeadStatus.ESCALATED)
            order by l.receivedAt, l.id
            """)
    List<String> findOpenLeadOfPerson(@Param("email") String email, @Param("exceptId") String exceptId);

    /** The most recently assigned open lead of a team from the same company domain, other than the given lead. */
    Optional<Lead> findFirstByEmailDomainAndTeamIdAndStatusInAndIdNotOrderByAssignedAtDesc(String emailDomain,
                                                                                          String teamId,
                                                                                          Collection<LeadStatus> statuses,
                                                                                          String exceptId);

    default Lead require(String id) {
        return findById(id).orElseThrow(() -> new LeadNotFoundException(id));
    }

    @Query("""
            select l from Lead l
            where (:status is null or l.status = :status)
              and (:owner is null or l.ownerId = :owner)
            """)
    Page<Lead> search(@Param("status") LeadStatus status, @Param("owner") String owner, Pageable pageable);
}
