package io.leadrouter.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

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
 * HTTP Basic authentication against Camunda's users for {@code /api} and {@code /engine-rest}.
 * An authenticated request runs with the user and their groups set on the engine, so the
 * engine's authorization checks (when enabled) apply to it; anything else answers 401.
 */
final class BasicAuthenticationFilter extends OncePerRequestFilter {

    private static final String CHALLENGE = "Basic realm=\"Lead Router\", charset=\"UTF-8\"";

    private final IdentityService identityService;
    private final VerifiedCredentials verified;

    BasicAuthenticationFilter(IdentityService identityService, VerifiedCredentials verified) {
        this.identityService = identityService;
        this.verified = verified;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        VerifiedCredentials.User user = verified.get(header);
        String userId;
        List<String> groups;
        if (user != null) {
            userId = user.id();
            groups = user.groups();
        } else {
            String[] credentials = credentials(header);
            if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
                unauthorized(request, response);
                return;
            }
            userId = credentials[0];
            groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId)
                    .toList();
            verified.put(header, userId, groups);
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

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"about:blank","title":"Unauthorized","status":401,\
                "detail":"Send HTTP Basic credentials of a Lead Router (Camunda) user.","instance":"%s"}"""
                .formatted(request.getRequestURI().replace("\"", "")));
    }
}
