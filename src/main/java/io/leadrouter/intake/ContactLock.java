package io.leadrouter.intake;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the fixed rows the duplicate check of an e-mail address locks ({@link ContactLocks}). */
@Entity
@Table(name = "contact_locks")
class ContactLock {

    @Id
    private Integer stripe;

    protected ContactLock() {
    }
}
