package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.adapters.rest.auth.Unauthorized;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.cookie.DeletesTokenCookies;
import io.portcullis.adapters.rest.cookie.CsrfGuard;
import io.portcullis.adapters.rest.cookie.TokenCookies;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.login.LogOut;
import io.portcullis.application.token.TokenRefusal;
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
import io.portcullis.domain.validation.FieldInput;

/**
 * {@code logout/}: blacklists the refresh token from the body or, unlike dj-rest-auth, from the
 * refresh cookie. {@link DeletesTokenCookies} deletes both token cookies whatever happens.
 * Credentials are not needed.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class LogoutResource {

    static final String LOGGED_OUT = "Successfully logged out.";

    private final LogOut logOut;
    private final TokenCookies cookies;
    private final CsrfGuard csrf;
    private final Map<String, Object> metadata;

    @Inject
    public LogoutResource(LogOut logOut, RestSettings settings, EndpointCatalogue catalogue, Clock clock) {
        this.logOut = logOut;
        this.cookies = new TokenCookies(settings.cookies(), clock);
        this.csrf = new CsrfGuard(settings.cookies());
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.LOGOUT));
    }

    @POST
    @DeletesTokenCookies
    public Response logOut(RequestFields body, @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        FieldInput fromBody = RequestFields.orEmpty(body).get("refresh");
        Optional<String> fromCookie = cookies.refreshToken(headers.getCookies());
        if (fromBody instanceof FieldInput.Absent && fromCookie.isPresent()) {
            // The cookie authenticates this logout: refused for CSRF, it neither ends the session nor
            // deletes the cookies (another site must not log the user out).
            Optional<Response> refused = csrf.check(request);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        var command = new LogOut.Command(fromBody, fromCookie, Clients.of(request));
        return switch (logOut.logOut(command)) {
            case LogOut.Outcome.LoggedOut out -> Answers.detail(200, LOGGED_OUT);
            case LogOut.Outcome.Refused refused -> Answers.detail(401, message(refused.reason()));
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }

    /** dj-rest-auth's texts, without simplejwt's code; a wrong type is a 401 here, not its 500. */
    private static String message(TokenRefusal reason) {
        return reason == TokenRefusal.MISSING
                ? "Refresh token was not included in request data."
                : Unauthorized.tokenMessage(reason);
    }
}
