package io.leadrouter.storage;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an action once the caller's transaction has committed, or at once when there is none.
 * For what must count a change only if it stays: a meter incremented inside a transaction that
 * rolls back (an optimistic-locking conflict, a failure later in the same job) would count the
 * change again when the engine retries it.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** After the current transaction commits (nothing on rollback); without a transaction, now. */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
