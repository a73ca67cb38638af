package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.auth.AccountPrincipal;
import io.portcullis.adapters.rest.auth.Authenticated;
import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.application.social.DisconnectSocialAccount;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/**
 * {@code socialaccounts/{id}/disconnect/}: dj-rest-auth's SocialAccountDisconnectView. 200 with
 * the removed link; 404 for an id that is not one of the caller's; 400 when it is the last way
 * into an account without a usable password.
 */
@Singleton
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public final class SocialDisconnectResource {

    private final DisconnectSocialAccount disconnect;
    private final Map<String, Object> metadata;

    @Inject
    public SocialDisconnectResource(DisconnectSocialAccount disconnect, EndpointCatalogue catalogue) {
        this.disconnect = disconnect;
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.SOCIAL_DISCONNECT));
    }

    @POST
    public Response disconnect(@PathParam("id") String id, @Context SecurityContext security,
            @Context ContainerRequestContext request) {
        AccountPrincipal caller = AccountPrincipal.of(security);
        var command = new DisconnectSocialAccount.Command(caller.account().id(), id, Clients.of(request));
        return switch (disconnect.disconnect(command)) {
            case DisconnectSocialAccount.Outcome.Disconnected gone ->
                    Answers.json(200, SocialAccountsResource.Listed.of(gone.link()));
            case DisconnectSocialAccount.Outcome.Refused refused -> ErrorBodies.invalid(refused.errors());
            case DisconnectSocialAccount.Outcome.NotFound missing -> Answers.detail(404, SocialAccountsResource.NOT_FOUND);
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
