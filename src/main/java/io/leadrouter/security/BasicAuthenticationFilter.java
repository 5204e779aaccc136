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

    private BasicAuthenticationFilter(IdentityService identityService, VerifiedCredentials verified,
                                      boolean engineSeesUser, Set<String> requiredGroups, String openPathPrefix) {
        this.identityService = identityService;
        this.verified = verified;
        this.engineSeesUser = engineSeesUser;
        this.requiredGroups = Set.copyOf(requiredGroups);
        this.openPathPrefix = openPathPrefix;
    }

    /** Lead Router's API: any user; engine calls made by the API run as the system. */
    static BasicAuthenticationFilter forApi(IdentityService identityService, VerifiedCredentials verified) {
        return new BasicAuthenticationFilter(identityService, verified, false, Set.of(), null);
    }

    /** The engine's REST API: any user, as whom the engine's authorization checks run. */
    static BasicAuthenticationFilter forEngineRest(IdentityService identityService, VerifiedCredentials verified) {
        return new BasicAuthenticationFilter(identityService, verified, true, Set.of(), null);
    }

    /** Members of one of {@code groups} only (403 for others); paths under {@code openPathPrefix} need nothing. */
    static BasicAuthenticationFilter forGroups(IdentityService identityService, VerifiedCredentials verified,
                                               Set<String> groups, String openPathPrefix) {
        return new BasicAuthenticationFilter(identityService, verified, false, groups, openPathPrefix);
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
        VerifiedCredentials.User known = verified.get(header);
        String userId;
        List<String> groups;
        if (known != null) {
            userId = known.id();
            groups = known.groups();
        } else {
            String[] credentials = credentials(header);
            if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
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
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s","instance":"%s"}"""
                .formatted(title, status, detail, request.getRequestURI().replace("\"", "")));
    }
}
