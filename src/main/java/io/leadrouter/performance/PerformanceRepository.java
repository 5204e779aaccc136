package io.leadrouter.performance;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PerformanceRepository extends JpaRepository<PerformanceRecord, PerformanceRecord.Key> {

    @Query("""
            select p from PerformanceRecord p
            where p.repId in :reps and p.dimension = :dimension and p.value = :value
            """)
    List<PerformanceRecord> find(@Param("reps") Collection<String> reps, @Param("dimension") String dimension,
                                 @Param("value") String value);
}
