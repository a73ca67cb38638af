package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.auth.KeyAuthenticationFilter;
import io.portcullis.adapters.rest.auth.Unauthorized;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.application.session.RevokeSession;
import io.portcullis.application.token.AuthenticateKey;
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

/**
 * {@code logout/} in token mode, as dj-rest-auth's LogoutView with DRF's TokenAuthentication:
 * the key of {@code Authorization: Token <key>} is revoked (its session ends, the other sessions
 * of the account stay); without a key the answer is the same success; a key that authenticates
 * nothing is 401 {@code Invalid token.}, as the authentication of the request answers it.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class KeyLogoutResource {

    private final AuthenticateKey authenticate;
    private final RevokeSession revoke;
    private final Map<String, Object> metadata;

    @Inject
    public KeyLogoutResource(AuthenticateKey authenticate, RevokeSession revoke, EndpointCatalogue catalogue) {
        this.authenticate = authenticate;
        this.revoke = revoke;
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.LOGOUT));
    }

    @POST
    public Response logOut(RequestFields body, @Context ContainerRequestContext request) {
        return switch (KeyAuthenticationFilter.presented(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            case KeyAuthenticationFilter.Presented.None none -> Answers.detail(200, LogoutResource.LOGGED_OUT);
            case KeyAuthenticationFilter.Presented.Malformed malformed -> malformed.answer();
            case KeyAuthenticationFilter.Presented.Key key -> switch (authenticate.authenticate(key.key(),
                    Clients.of(request))) {
                case AuthenticateKey.Outcome.Authenticated ok -> {
                    revoke.logOut(new RevokeSession.Command(ok.account().id(), ok.session().value(),
                            Clients.of(request)));
                    yield Answers.detail(200, LogoutResource.LOGGED_OUT);
                }
                case AuthenticateKey.Outcome.Refused refused -> Unauthorized.keyRefused(refused.reason());
            };
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
