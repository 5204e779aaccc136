package io.leadrouter.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ResponseClockRepository extends JpaRepository<ResponseClock, String> {

    Optional<ResponseClock> findFirstByLeadIdAndResultOrderByAssignedAtDesc(String leadId, ResponseClock.Result result);

    List<ResponseClock> findByLeadIdOrderByAssignedAt(String leadId);

    boolean existsByLeadId(String leadId);

    default Optional<ResponseClock> findOpen(String leadId) {
        return findFirstByLeadIdAndResultOrderByAssignedAtDesc(leadId, ResponseClock.Result.OPEN);
    }
}
