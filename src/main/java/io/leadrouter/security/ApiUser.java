package io.leadrouter.security;

import java.util.Collection;
import java.util.List;

/**
 * The user of an {@code /api} request, authenticated by HTTP Basic. Controllers declare it as a
 * parameter to make role decisions; the engine does not see it (see {@link BasicAuthenticationFilter}).
 */
public record ApiUser(String id, List<String> groups) {

    static final String ATTRIBUTE = ApiUser.class.getName();

    public ApiUser {
        groups = List.copyOf(groups);
    }

    public boolean isMemberOfAny(Collection<String> groupIds) {
        return groups.stream().anyMatch(groupIds::contains);
    }
}
