package io.leadrouter.intake;

import org.springframework.stereotype.Component;

/**
 * Serialises the duplicate check of one e-mail address: whoever checks an address holds its lock
 * until the routing transaction commits, so that of concurrent leads from one person exactly one
 * becomes the open lead and every other sees it. Works across threads and nodes alike, as a row
 * lock of the shared database ({@code select … for update}).
 *
 * <p>The lock rows are {@value #STRIPES} fixed stripes (V17), an address's stripe being its hash
 * modulo that: routing never inserts a lock row, because two transactions inserting the same new
 * key race and PostgreSQL aborts the loser's whole transaction. Two addresses that share a stripe
 * only wait for each other's routing now and then.
 *
 * <p>Lock order, to rule out deadlocks: a routing transaction takes its one contact lock first
 * (Validate lead, the first step of the routing job) and team row locks after it (Route lead);
 * nothing takes a contact lock while holding a team lock. {@link String#hashCode()} is fixed by
 * the Java language, so every node picks the same stripe for an address.
 */
@Component
class ContactLocks {

    static final int STRIPES = 1024;

    private final ContactLockRepository locks;

    ContactLocks(ContactLockRepository locks) {
        this.locks = locks;
    }

    /** Locks the e-mail address (normalised) until the current transaction ends. */
    void lock(String email) {
        int stripe = stripe(email);
        locks.lock(stripe).orElseThrow(() -> new IllegalStateException("contact_locks has no stripe " + stripe
                + " (migration V17 creates " + STRIPES + ")"));
    }

    static int stripe(String email) {
        return Math.floorMod(email.hashCode(), STRIPES);
    }
}
