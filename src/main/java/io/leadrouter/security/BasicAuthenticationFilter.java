package io.leadrouter.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication against Camunda's users. Without valid credentials the answer is
 * 401; with them, the request goes on as an {@link ApiUser} (a request attribute).
 *
 * <p>Lead Router's own {@code /api} also lets in, when a request sends no credentials, the user
 * signed in to Camunda's web apps in the request's session ({@link WebappSessionUsers}): the
 * plugins in Tasklist call it that way. Such a request that changes something must send the
 * session's CSRF token, or it is answered 403; and a 401 to a request that came with a session
 * cookie carries no Basic challenge, so that the browser does not ask for a password over the
 * web app (the plugin tells the user to sign in again instead).
 *
 * <p>Who the engine sees depends on the realm. For {@code /engine-rest} the user and their
 * groups are set on the engine, so Camunda's authorization checks apply to everything the
 * caller does there. For Lead Router's own {@code /api} they are not: the API decides itself
 * what a user may do (see the role checks of the reps API), and its calls into the engine, such
 * as starting a lead's process, run as the system, unaffected by Camunda authorizations.
 */
final class BasicAuthenticationFilter extends OncePerRequestFilter {

    private static final String CHALLENGE = "Basic realm=\"Lead Router\", charset=\"UTF-8\"";

    private final IdentityService identityService;
    private final VerifiedCredentials verified;
    private final boolean engineSeesUser;
    private final Set<String> requiredGroups;
    private final String openPathPrefix;
    /** The web apps' signed-in users, for the API that lets them in (null: Basic only). */
    private final WebappSessionUsers webappSessions;

    private BasicAuthenticationFilter(IdentityService identityService, VerifiedCredentials verified,
                                      boolean engineSeesUser, Set<String> requiredGroups, String openPathPrefix,
                                      WebappSessionUsers webappSessions) {
        this.identityService = identityService;
        this.verified = verified;
        this.engineSeesUser = engineSeesUser;
        this.requiredGroups = Set.copyOf(requiredGroups);
        this.openPathPrefix = openPathPrefix;
        this.webappSessions = webappSessions;
    }

    /**
     * Lead Router's API: any user, by HTTP Basic or signed in to the web apps (changes with the
     * session's CSRF token); engine calls made by the API run as the system.
     */
    static BasicAuthenticationFilter forApi(IdentityService identityService, VerifiedCredentials verified,
                                            WebappSessionUsers webappSessions) {
        return new BasicAuthenticationFilter(identityService, verified, false, Set.of(), null, webappSessions);
    }

    /** The engine's REST API: any user, as whom the engine's authorization checks run. */
    static BasicAuthenticationFilter forEngineRest(IdentityService identityService, VerifiedCredentials verified) {
        return new BasicAuthenticationFilter(identityService, verified, true, Set.of(), null, null);
    }

    /** Members of one of {@code groups} only (403 for others); paths under {@code openPathPrefix} need nothing. */
    static BasicAuthenticationFilter forGroups(IdentityService identityService, VerifiedCredentials verified,
                                               Set<String> groups, String openPathPrefix) {
        return new BasicAuthenticationFilter(identityService, verified, false, groups, openPathPrefix, null);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (openPathPrefix == null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(openPathPrefix) || path.startsWith(openPathPrefix + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        VerifiedCredentials.User signedIn = header == null && webappSessions != null
                ? webappSessions.signedIn(request) : null;
        if (signedIn != null) {
            if (!WebappSessionUsers.onlyReads(request) && !WebappSessionUsers.sendsCsrfToken(request)) {
                problem(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                        "A change made with the web apps' session must send the session's CSRF token in the "
                                + "X-XSRF-TOKEN header (a web-app plugin has it as api.CSRFToken).");
                return;
            }
            request.setAttribute(ApiUser.ATTRIBUTE, new ApiUser(signedIn.id(), signedIn.groups()));
            chain.doFilter(request, response);
            return;
        }
        VerifiedCredentials.User known = verified.get(header);
        String userId;
        List<String> groups;
        if (known != null) {
            userId = known.id();
            groups = known.groups();
        } else {
            String[] credentials = credentials(header);
            if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
                if (webappSessions != null && header == null && request.getRequestedSessionId() != null) {
                    // a web app's page whose session is over: no challenge, or the browser asks for a password
                    problem(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                            "Your web-app session is over: sign in to Tasklist again, or send HTTP Basic "
                                    + "credentials of a Lead Router (Camunda) user.", false);
                    return;
                }
                problem(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                        "Send HTTP Basic credentials of a Lead Router (Camunda) user.");
                return;
            }
            userId = credentials[0];
            groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId)
                    .toList();
            verified.put(header, userId, groups);
        }
        ApiUser user = new ApiUser(userId, groups);
        if (!requiredGroups.isEmpty() && !user.isMemberOfAny(requiredGroups)) {
            problem(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Only members of " + String.join(", ", requiredGroups.stream().sorted().toList())
                            + " may use this.");
            return;
        }
        request.setAttribute(ApiUser.ATTRIBUTE, user);
        if (!engineSeesUser) {
            chain.doFilter(request, response);
            return;
        }
        identityService.setAuthentication(userId, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static String[] credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    static void problem(HttpServletRequest request, HttpServletResponse response, int status, String title,
                        String detail) throws IOException {
        problem(request, response, status, title, detail, true);
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String title,
                                String detail, boolean challenge) throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED && challenge) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s","instance":"%s"}"""
                .formatted(title, status, detail, request.getRequestURI().replace("\"", "")));
    }
}
