package io.leadrouter.performance;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates an empty performance record in a transaction of its own, so that when two outcomes of
 * a rep's first deal in a product are recorded at the same moment, the one that loses the race
 * fails only this small transaction (a duplicate key) and then counts on the winner's row,
 * instead of failing its whole Record outcome job.
 */
@Repository
class PerformanceRows {

    private final EntityManager entities;

    PerformanceRows(EntityManager entities) {
        this.entities = entities;
    }

    /** Inserts (persist, never merge: a merge would overwrite a row another transaction just counted on). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void create(String rep, PerformanceRecord.Dimension dimension, String value) {
        entities.persist(new PerformanceRecord(rep, dimension, value));
        entities.flush();
    }
}
