package io.leadrouter.intake;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.leadrouter.lead.LeadStatus;

/**
 * The intake backlog: leads accepted but not yet routed (status {@code RECEIVED} without a
 * routing decision, i.e. their routing job has not run yet, or is failing and will be tried
 * again). Leads waiting for a person (review, manual assignment) are not backlog, and neither
 * are leads whose routing failed for good (an open incident in Cockpit: no retries left):
 * backpressure measures work the engine can still do, so a pile of broken leads cannot close
 * intake for everybody. Once an operator retries the incident, the lead counts again.
 *
 * <p>Read cheaply on every request: the count is cached and refreshed by at most one request
 * at a time once it is older than {@code leadrouter.intake.backlog-refresh}; leads accepted on
 * this node since the last refresh are added, so a burst between two refreshes is seen too.
 */
@Component
public class IntakeBacklog {

    static final String COUNT_UNROUTED = """
            select count(*) from leads l
            where l.status = ? and l.routing_decided_at is null
              and not exists (select 1 from ACT_RU_INCIDENT i where i.PROC_INST_ID_ = l.process_instance_id)""";

    private final JdbcTemplate jdbc;
    private final IntakeProperties properties;
    private final ReentrantLock refreshing = new ReentrantLock();
    private final AtomicLong acceptedSinceRefresh = new AtomicLong();
    private volatile long counted;
    private volatile long countedAt = Long.MIN_VALUE;

    IntakeBacklog(JdbcTemplate jdbc, IntakeProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** What {@code GET /api/intake/backlog} shows. */
    public record Status(long unrouted, int maxBacklog, boolean accepting) {
    }

    /** The backlog as last counted plus what this node accepted since; refreshes the count when stale. */
    public long current() {
        long age = System.nanoTime() - countedAt;
        if (countedAt == Long.MIN_VALUE || age > properties.backlogRefresh().toNanos()) {
            if (refreshing.tryLock()) {
                try {
                    refresh();
                } finally {
                    refreshing.unlock();
                }
            }
        }
        return counted + acceptedSinceRefresh.get();
    }

    /** Counts now (one query), for the status endpoint and the load harness. */
    public Status status() {
        refreshing.lock();
        try {
            refresh();
        } finally {
            refreshing.unlock();
        }
        long unrouted = counted;
        return new Status(unrouted, properties.maxBacklog(), unrouted < properties.maxBacklog());
    }

    /**
     * Lets a lead in, or throws {@link BacklogFullException} (answered 429 with Retry-After)
     * when the backlog is at {@code max-backlog}.
     */
    public void admit() {
        long backlog = current();
        if (backlog >= properties.maxBacklog()) {
            throw new BacklogFullException(backlog, properties.maxBacklog(), properties.retryAfter());
        }
    }

    /** True while the backlog is below {@code fraction} of the limit (bulk imports leave room for live leads). */
    public boolean below(double fraction) {
        return current() < properties.maxBacklog() * fraction;
    }

    /** A lead was accepted on this node (counted until the next refresh). */
    void accepted() {
        acceptedSinceRefresh.incrementAndGet();
    }

    private void refresh() {
        acceptedSinceRefresh.set(0);
        Long count = jdbc.queryForObject(COUNT_UNROUTED, Long.class, LeadStatus.RECEIVED.name());
        counted = count == null ? 0 : count;
        countedAt = System.nanoTime();
    }
}
