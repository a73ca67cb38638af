package io.portcullis.adapters.rest.cookie;

import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.settings.CookieSettings;
import io.portcullis.adapters.rest.settings.CsrfSettings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CSRF check of requests that a token cookie authenticates (the access cookie on an endpoint
 * that needs a login, the refresh cookie on refresh and logout): safe methods pass; an unsafe one
 * must carry the CSRF header, equal to the CSRF cookie in double-submit mode (compared in constant
 * time). A refusal is Django's: 403 {@code {"detail":"CSRF Failed: ..."}}.
 */
public final class CsrfGuard {

    /** Set on a request the guard refused, so that logout's answer leaves the cookies alone. */
    public static final String REFUSED = "io.portcullis.csrf-refused";

    static final String NO_COOKIE = "CSRF Failed: CSRF cookie not set.";
    static final String BAD_TOKEN = "CSRF Failed: CSRF token missing or incorrect.";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CsrfSettings settings;

    public CsrfGuard(CookieSettings cookies) {
        this.settings = cookies.csrf();
    }

    /** 32 random bytes, base64url: what the double-submit cookie holds. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Checks a request that a cookie authenticates; empty when it passes, otherwise the 403 answer
     * (and the request is marked {@link #REFUSED}).
     */
    public Optional<Response> check(ContainerRequestContext request) {
        Optional<String> refusal = refusal(request.getMethod(), request.getHeaderString(settings.headerName()),
                request.getCookies());
        refusal.ifPresent(reason -> request.setProperty(REFUSED, Boolean.TRUE));
        return refusal.map(reason -> ErrorBodies.detail(403, reason));
    }

    private Optional<String> refusal(String method, String header, Map<String, Cookie> cookies) {
        if (settings.mode() == CsrfSettings.Mode.OFF || SAFE.contains(method)) {
            return Optional.empty();
        }
        if (settings.mode() == CsrfSettings.Mode.HEADER) {
            return header == null || header.isBlank() ? Optional.of(BAD_TOKEN) : Optional.empty();
        }
        Cookie cookie = cookies.get(settings.cookieName());
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Optional.of(NO_COOKIE);
        }
        if (header == null || !MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8),
                cookie.getValue().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(BAD_TOKEN);
        }
        return Optional.empty();
    }
}
