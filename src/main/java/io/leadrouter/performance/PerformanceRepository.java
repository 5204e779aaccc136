package io.leadrouter.performance;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PerformanceRepository extends JpaRepository<PerformanceRecord, PerformanceRecord.Key> {

    @Query("""
            select p from PerformanceRecord p
            where p.repId in :reps and p.dimension = :dimension and p.value = :value
            """)
    List<PerformanceRecord> find(@Param("reps") Collection<String> reps, @Param("dimension") String dimension,
                                 @Param("value") String value);

    /**
     * Wins and losses of these reps (a team's), summed per dimension, in the lead's product, its
     * sector and over all deals: rows of (dimension, wins, losses).
     */
    @Query("""
            select p.dimension, sum(p.wins), sum(p.losses) from PerformanceRecord p
            where p.repId in :reps
              and ((p.dimension = 'product' and p.value = :product) or (p.dimension = 'sector' and p.value = :sector)
                   or p.dimension = 'all')
            group by p.dimension
            """)
    List<Object[]> totals(@Param("reps") Collection<String> reps, @Param("product") String product,
                          @Param("sector") String sector);

    /** Adds deals to a record in the database, so concurrent counts are never lost; 0 when there is no record yet. */
    @Modifying(flushAutomatically = true)
    @Query("""
            update PerformanceRecord p set p.wins = p.wins + :wins, p.losses = p.losses + :losses
            where p.repId = :rep and p.dimension = :dimension and p.value = :value
            """)
    int add(@Param("rep") String rep, @Param("dimension") String dimension, @Param("value") String value,
            @Param("wins") int wins, @Param("losses") int losses);
}
