package io.leadrouter.team;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.engine.Identities;
import io.leadrouter.security.Roles;

/**
 * Names and e-mail addresses of the people Lead Router writes to: reps from the reps table, and
 * everyone else (managers, sales ops) from the engine's users, where the Admin app keeps them.
 */
@Component
public class Directory {

    private final RepRepository reps;
    private final Identities identities;

    Directory(RepRepository reps, Identities identities) {
        this.reps = reps;
        this.identities = identities;
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
        return identities.user(userId).map(user -> {
            String name = ((user.firstName() == null ? "" : user.firstName()) + " "
                    + (user.lastName() == null ? "" : user.lastName())).trim();
            return new Person(user.id(), name.isEmpty() ? user.id() : name, user.email());
        });
    }

    /** Sales ops, by user id. */
    @Transactional(readOnly = true)
    public List<Person> salesOps() {
        return membersOf(Roles.SALES_OPS);
    }

    /**
     * The managers of the team (members of both the team's group and {@code managers}); every
     * manager when the team is null or has none.
     */
    @Transactional(readOnly = true)
    public List<Person> managersOf(String teamId) {
        List<Person> managers = membersOf(Roles.MANAGERS);
        if (teamId == null) {
            return managers;
        }
        List<String> inTeam = identities.membersOf(teamId).stream().map(Identities.UserProfile::id).toList();
        List<Person> teamManagers = managers.stream().filter(manager -> inTeam.contains(manager.id())).toList();
        return teamManagers.isEmpty() ? managers : teamManagers;
    }

    private List<Person> membersOf(String groupId) {
        return identities.membersOf(groupId).stream().map(user -> find(user.id()).orElseThrow()).toList();
    }

    /** The person's name, or the user id when the person is unknown. */
    public String nameOf(String userId) {
        return find(userId).map(Person::name).orElse(userId);
    }
}
