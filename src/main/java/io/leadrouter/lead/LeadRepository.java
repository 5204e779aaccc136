package io.leadrouter.lead;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LeadRepository extends JpaRepository<Lead, String> {

    Optional<Lead> findByExternalId(String externalId);

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
