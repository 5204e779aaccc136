package io.leadrouter.team;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names and e-mail addresses of the people Lead Router writes to: reps from the reps table, and
 * everyone else (managers, sales ops) from the engine's users, where the Admin app keeps them.
 */
@Component
public class Directory {

    private final RepRepository reps;
    private final IdentityService identity;

    Directory(RepRepository reps, IdentityService identity) {
        this.reps = reps;
        this.identity = identity;
    }

    /** A person: user id, display name, e-mail address (null when unknown). */
    public record Person(String id, String name, String email) {
    }

    @Transactional(readOnly = true)
    public Optional<Person> find(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        Optional<Rep> rep = reps.findById(userId);
        if (rep.isPresent()) {
            return Optional.of(new Person(rep.get().getId(), rep.get().getName(), rep.get().getEmail()));
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return Optional.empty();
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return Optional.of(new Person(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail()));
    }

    /** The person's name, or the user id when the person is unknown. */
    public String nameOf(String userId) {
        return find(userId).map(Person::name).orElse(userId);
    }
}
