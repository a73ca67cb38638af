package io.portcullis.adapters.rest.cookie;

import io.portcullis.adapters.rest.settings.RestSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.util.List;

/**
 * Adds the deletions of both token cookies to every answer of a {@link DeletesTokenCookies}
 * endpoint, so that even a failed logout leaves the browser without tokens, as dj-rest-auth's does;
 * except an answer refusing a request for CSRF, which another site may have sent: it would log the
 * user out otherwise.
 */
@DeletesTokenCookies
public final class TokenCookieDeletionFilter implements ContainerResponseFilter {

    private final List<String> deletions;

    @Inject
    public TokenCookieDeletionFilter(RestSettings settings, Clock clock) {
        this.deletions = new TokenCookies(settings.cookies(), clock).deleted();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CsrfGuard.REFUSED) != null) {
            return;
        }
        deletions.forEach(cookie -> response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie));
    }
}
