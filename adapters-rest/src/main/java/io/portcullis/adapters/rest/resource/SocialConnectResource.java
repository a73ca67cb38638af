package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.auth.AccountPrincipal;
import io.portcullis.adapters.rest.auth.Authenticated;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.social.ConnectSocialAccount;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.domain.validation.ValidationErrors;
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
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code {provider}/connect/}: dj-rest-auth's SocialConnectView. Links the provider identity to the
 * caller's account and, as that view does, answers like {@code login/} with a new session.
 */
@Singleton
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public final class SocialConnectResource {

    static final String INACTIVE = "User is inactive";

    private final ConnectSocialAccount connect;
    private final LoginAnswers answers;
    private final Map<String, Object> metadata;

    @Inject
    public SocialConnectResource(ConnectSocialAccount connect, RestSettings settings, EndpointCatalogue catalogue,
            Clock clock) {
        this.connect = connect;
        this.answers = new LoginAnswers(settings, clock);
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.SOCIAL_CONNECT));
    }

    @POST
    public Response connect(@PathParam("provider") String provider, RequestFields body,
            @Context ContainerRequestContext request, @Context SecurityContext security) {
        AccountPrincipal caller = AccountPrincipal.of(security);
        var errors = ValidationErrors.builder();
        Optional<ProviderProof> proof = ProviderProofs.read(RequestFields.orEmpty(body), errors);
        if (proof.isEmpty()) {
            return ErrorBodies.invalid(errors.build());
        }
        var command = new ConnectSocialAccount.Command(caller.account().id(), provider, proof.get(),
                Clients.of(request));
        return switch (connect.connect(command)) {
            case ConnectSocialAccount.Outcome.Connected in -> answers.loggedIn(in.account(), in.credentials(), request);
            case ConnectSocialAccount.Outcome.Rejected rejected -> ErrorBodies.invalid(rejected.errors());
            case ConnectSocialAccount.Outcome.UnknownProvider unknown ->
                    Answers.detail(404, SocialAccountsResource.NOT_FOUND);
            case ConnectSocialAccount.Outcome.Gone gone -> Answers.detail(401, INACTIVE);
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
