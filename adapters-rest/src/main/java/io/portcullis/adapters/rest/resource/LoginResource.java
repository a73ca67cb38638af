package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.adapters.rest.cookie.TokenCookies;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.login.LogIn;
import io.portcullis.application.token.OpaqueKey;
import io.portcullis.application.token.TokenPair;
import java.util.List;
import io.portcullis.domain.account.Account;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;

/** {@code login/}: credentials in, a token pair and the user out, and the token cookies when configured. */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class LoginResource {

    private final LogIn logIn;
    private final TokenCookies cookies;
    private final UserRepresentation users;
    private final boolean returnExpiration;
    private final boolean tokensInBody;
    private final Map<String, Object> metadata;

    @Inject
    public LoginResource(LogIn logIn, RestSettings settings, EndpointCatalogue catalogue, Clock clock) {
        this.logIn = logIn;
        this.cookies = new TokenCookies(settings.cookies(), clock);
        this.users = new UserRepresentation(settings.account().userFields());
        this.returnExpiration = settings.returnExpiration();
        this.tokensInBody = settings.cookies().tokensInBody();
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.LOGIN));
    }

    @POST
    public Response logIn(RequestFields body, @Context ContainerRequestContext request) {
        RequestFields fields = RequestFields.orEmpty(body);
        var command = new LogIn.Command(fields.get("username"), fields.get("email"), fields.get("password"),
                Clients.of(request));
        return switch (logIn.logIn(command)) {
            case LogIn.Outcome.LoggedIn in -> switch (in.credentials()) {
                case TokenPair tokens -> loggedIn(in.account(), tokens, request);
                case OpaqueKey key -> Answers.withTokens(200, new TokenBodies.Key(key.key()), List.of());
            };
            case LogIn.Outcome.Rejected rejected -> ErrorBodies.invalid(rejected.errors());
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }

    private Response loggedIn(Account account, TokenPair tokens, ContainerRequestContext request) {
        String access = tokensInBody ? tokens.access() : "";
        String refresh = cookies.hidesRefreshFromBody() || !tokensInBody ? "" : tokens.refresh();
        Map<String, Object> user = users.of(account);
        Object body = returnExpiration
                ? new TokenBodies.WithUserAndExpiration(access, refresh, user,
                        Timestamps.iso(tokens.accessExpiresAt()), Timestamps.iso(tokens.refreshExpiresAt()))
                : new TokenBodies.WithUser(access, refresh, user);
        return Answers.withTokens(200, body, cookies.issued(tokens, request.getCookies(), true));
    }
}
