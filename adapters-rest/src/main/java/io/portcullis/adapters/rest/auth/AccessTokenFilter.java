package io.portcullis.adapters.rest.auth;

import io.portcullis.adapters.rest.cookie.CsrfGuard;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.token.AuthenticateAccessToken;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Authenticates the requests of {@link Authenticated} endpoints as simplejwt's
 * JWTCookieAuthentication does: {@code Authorization: Bearer <token>} first; a header of another
 * scheme means no credentials; only without the header is the access cookie read.
 */
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public final class AccessTokenFilter implements ContainerRequestFilter {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final AuthenticateAccessToken authenticate;
    private final Optional<String> accessCookie;
    private final CsrfGuard csrf;

    @Inject
    public AccessTokenFilter(AuthenticateAccessToken authenticate, RestSettings settings) {
        this.authenticate = authenticate;
        this.accessCookie = settings.cookies().accessName();
        this.csrf = new CsrfGuard(settings.cookies());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<String> token;
        boolean fromCookie = false;
        if (header != null) {
            String[] parts = WHITESPACE.split(header.strip());
            if (header.isBlank() || !parts[0].equals("Bearer")) {
                token = Optional.empty();
            } else if (parts.length != 2) {
                request.abortWith(Unauthorized.badHeader());
                return;
            } else {
                token = Optional.of(parts[1]);
            }
        } else {
            token = accessCookie.map(name -> request.getCookies().get(name))
                    .map(Cookie::getValue)
                    .filter(value -> !value.isEmpty());
            fromCookie = token.isPresent();
        }
        if (token.isEmpty()) {
            request.abortWith(Unauthorized.notProvided());
            return;
        }
        switch (authenticate.authenticate(token.get())) {
            case AuthenticateAccessToken.Outcome.Authenticated ok -> {
                // As JWTCookieAuthentication with JWT_AUTH_COOKIE_USE_CSRF: a sound cookie, then the CSRF check.
                Optional<Response> refused = fromCookie ? csrf.check(request) : Optional.empty();
                if (refused.isPresent()) {
                    request.abortWith(refused.get());
                    return;
                }
                request.setSecurityContext(new AccountSecurityContext(
                        new AccountPrincipal(ok.account(), ok.claims().session()), request.getSecurityContext().isSecure()));
            }
            case AuthenticateAccessToken.Outcome.Refused refused ->
                    request.abortWith(Unauthorized.accessTokenRefused(refused.reason()));
        }
    }
}
