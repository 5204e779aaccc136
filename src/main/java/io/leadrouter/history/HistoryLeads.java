package io.leadrouter.history;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.lead.Lead;

/**
 * History leads in the {@code leads} table ({@link Lead#fromHistory}), written in batches: a CRM
 * export of thousands of rows is stored in seconds, one transaction and one JDBC batch per
 * {@value #CHUNK} leads, rather than a round trip per lead.
 */
@Repository
class HistoryLeads {

    /** Leads per transaction and per JDBC batch. */
    static final int CHUNK = 500;

    private final EntityManager entities;
    private final TransactionTemplate transaction;

    HistoryLeads(EntityManager entities, TransactionTemplate transaction) {
        this.entities = entities;
        this.transaction = transaction;
    }

    /** The externalIds of the source's history leads: what a new import of the source stores no more. */
    List<String> externalIdsOf(String source) {
        return entities.createQuery("select l.externalId from Lead l where l.historySource = :source", String.class)
                .setParameter("source", source).getResultList();
    }

    /**
     * Stores the leads, and answers those it stored: all of them, unless an import of the same
     * source running at the same time stored some first (their chunk is then stored without them).
     */
    List<Lead> store(String source, List<Lead> leads) {
        List<Lead> stored = new ArrayList<>();
        for (int from = 0; from < leads.size(); from += CHUNK) {
            List<Lead> chunk = leads.subList(from, Math.min(leads.size(), from + CHUNK));
            try {
                persist(chunk);
                stored.addAll(chunk);
            } catch (DataIntegrityViolationException storedMeanwhile) {
                Set<String> known = new HashSet<>(externalIdsOf(source));
                List<Lead> rest = chunk.stream().filter(lead -> !known.contains(lead.getExternalId())).toList();
                persist(rest);
                stored.addAll(rest);
            }
        }
        return stored;
    }

    private void persist(List<Lead> chunk) {
        transaction.executeWithoutResult(status -> {
            entities.unwrap(Session.class).setJdbcBatchSize(CHUNK);
            chunk.forEach(entities::persist);
            entities.flush();
            entities.clear();
        });
    }
}
