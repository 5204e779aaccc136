package io.leadrouter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The user signed in to Camunda's web apps (Tasklist, Cockpit, Admin) in the request's HTTP
 * session, so that a web-app plugin (the rep's panel in Tasklist) calls {@code /api} as that user
 * without asking for a password again. The web apps keep their login in the servlet container's
 * session, whose cookie ({@code JSESSIONID}, path {@code /}) every page of the server sends, so it
 * reaches {@code /api} from the Tasklist page as it is.
 *
 * <p>The user is the one Camunda's login put into the session for this process engine. Their
 * groups are read from the identity service rather than from the session's copy (which Camunda
 * renews only on its own requests), and remembered for {@code leadrouter.security.credentials-ttl},
 * like the Basic logins ({@link VerifiedCredentials}); a user deleted since is let in no more
 * once that time is over. Signing out of the web apps ends it at once.
 *
 * <p>A change needs the session's CSRF token: a request with another method than GET, HEAD or
 * OPTIONS must send, in the {@value CsrfConstants#CSRF_TOKEN_HEADER_NAME} header, the token that
 * Camunda's CSRF filter keeps in the session (and hands the pages as the {@code XSRF-TOKEN}
 * cookie, which a plugin reads as {@code api.CSRFToken}): the rule the web apps' own API follows.
 * A page of another site can make the browser send the session cookie, but cannot read the token.
 */
final class WebappSessionUsers {

    private final IdentityService identityService;
    private final String engineName;
    private final Cache<String, VerifiedCredentials.User> users;

    WebappSessionUsers(IdentityService identityService, String engineName, Duration ttl) {
        this.identityService = identityService;
        this.engineName = engineName;
        this.users = Caffeine.newBuilder()
                .maximumSize(VerifiedCredentials.MAX_ENTRIES)
                .expireAfterWrite(ttl.isNegative() ? Duration.ZERO : ttl)
                .executor(Runnable::run)
                .build();
    }

    /** The user signed in to the web apps in this request's session, with their groups; null when nobody is. */
    VerifiedCredentials.User signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentication signedIn = AuthenticationUtil.getAuthsFromSession(session)
                .getAuthenticationForProcessEngine(engineName);
        if (signedIn == null || signedIn.getIdentityId() == null) {
            return null;
        }
        return users.get(signedIn.getIdentityId(), this::existing);
    }

    /** The user with their groups as the identity service has them now; null when the user is gone. */
    private VerifiedCredentials.User existing(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            return null;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        return new VerifiedCredentials.User(userId, groups);
    }

    /** Whether the request only reads (GET, HEAD, OPTIONS): those need no CSRF token. */
    static boolean onlyReads(HttpServletRequest request) {
        return CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches();
    }

    /** Whether the request sends the CSRF token of its session in the {@code X-XSRF-TOKEN} header. */
    static boolean sendsCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected instanceof String token && !token.isEmpty() && sent != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
