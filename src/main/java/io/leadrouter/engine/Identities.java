package io.leadrouter.engine;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The users and groups in Camunda's identity service (who logs in to Tasklist and the API), for
 * features that must not know the engine's API. Creating is idempotent: what exists is kept as it is.
 */
@Component
public class Identities {

    private final IdentityService identity;

    Identities(IdentityService identity) {
        this.identity = identity;
    }

    /** A user as the identity service knows them; names and e-mail may be null. */
    public record UserProfile(String id, String firstName, String lastName, String email) {
    }

    public Optional<UserProfile> user(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? Optional.empty()
                : Optional.of(new UserProfile(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail()));
    }

    /** The members of the group, by user id. */
    public List<UserProfile> membersOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(user -> new UserProfile(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail()))
                .toList();
    }

    public boolean userExists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    /** Creates the user with that password unless a user with the id exists. */
    public void createUserIfMissing(UserProfile profile, String password) {
        if (!userExists(profile.id())) {
            User user = identity.newUser(profile.id());
            user.setFirstName(profile.firstName());
            user.setLastName(profile.lastName());
            user.setEmail(profile.email());
            user.setPassword(password);
            identity.saveUser(user);
        }
    }

    /** Creates the group unless a group with the id exists. */
    public void createGroupIfMissing(String groupId, String name, String type) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /** Makes the user a member of the group unless they are one. */
    public void addMembershipIfMissing(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }
}
