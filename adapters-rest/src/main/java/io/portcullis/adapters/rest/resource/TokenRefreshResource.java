package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.auth.Unauthorized;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.adapters.rest.cookie.CsrfGuard;
import io.portcullis.adapters.rest.cookie.TokenCookies;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.token.RefreshAccessToken;
import io.portcullis.application.token.TokenPair;
import io.portcullis.domain.validation.FieldInput;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code token/refresh/}: a new access token (and, with rotation, a new refresh token) for the
 * refresh token in the body or, failing that, in the refresh cookie; sets the cookies again.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class TokenRefreshResource {

    private final RefreshAccessToken refresh;
    private final TokenCookies cookies;
    private final CsrfGuard csrf;
    private final boolean tokensInBody;
    private final Map<String, Object> metadata;

    @Inject
    public TokenRefreshResource(RefreshAccessToken refresh, RestSettings settings, EndpointCatalogue catalogue, Clock clock) {
        this.refresh = refresh;
        this.cookies = new TokenCookies(settings.cookies(), clock);
        this.csrf = new CsrfGuard(settings.cookies());
        this.tokensInBody = settings.cookies().tokensInBody();
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.TOKEN_REFRESH));
    }

    @POST
    public Response refresh(RequestFields body, @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        FieldInput fromBody = RequestFields.orEmpty(body).get("refresh");
        Optional<String> fromCookie = cookies.refreshToken(headers.getCookies());
        if (fromBody instanceof FieldInput.Absent && fromCookie.isPresent()) {
            // The cookie authenticates this request: another site's form could have sent it.
            Optional<Response> refused = csrf.check(request);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        return switch (refresh.refresh(new RefreshAccessToken.Command(fromBody, fromCookie, Clients.of(request)))) {
            case RefreshAccessToken.Outcome.Refreshed done ->
                    refreshed(done.tokens(), presented(fromBody, fromCookie), request);
            case RefreshAccessToken.Outcome.Invalid invalid -> ErrorBodies.invalid(invalid.errors());
            case RefreshAccessToken.Outcome.Refused refused -> Unauthorized.tokenRefused(refused.reason());
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }

    private Response refreshed(TokenPair tokens, Optional<String> presented, ContainerRequestContext request) {
        String access = Timestamps.iso(tokens.accessExpiresAt());
        String accessToken = tokensInBody ? tokens.access() : "";
        // Without rotation the use case hands back the very token it was given: dj-rest-auth then
        // answers and sets the access token alone.
        if (presented.filter(tokens.refresh()::equals).isPresent()) {
            return Answers.withTokens(200, new TokenBodies.Refreshed(accessToken, null, access, null),
                    cookies.issuedAccess(tokens.access(), tokens.accessExpiresAt()));
        }
        var body = new TokenBodies.Refreshed(accessToken, tokensInBody ? tokens.refresh() : "", access,
                Timestamps.iso(tokens.refreshExpiresAt()));
        return Answers.withTokens(200, body, cookies.issued(tokens, request.getCookies(), false));
    }

    /** The token the use case read: the body's (trimmed, as fields are) or else the cookie's. */
    private static Optional<String> presented(FieldInput fromBody, Optional<String> fromCookie) {
        return fromBody instanceof FieldInput.Text text ? Optional.of(text.value().strip()) : fromCookie;
    }
}
