package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.negotiation.ClientLanguages;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.application.social.SocialLogIn;
import io.portcullis.domain.validation.ValidationErrors;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code {provider}/}: dj-rest-auth's SocialLoginView. A code, an ID token or an access token in;
 * the same answer as {@code login/} out. The provider's refusal is a 400 saying why; a provider
 * that cannot be asked is a 503 (see {@code ProviderUnavailableMapper}).
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class SocialLoginResource {

    private final SocialLogIn socialLogIn;
    private final LoginAnswers answers;
    private final Map<String, Object> metadata;

    @Inject
    public SocialLoginResource(SocialLogIn socialLogIn, RestSettings settings, EndpointCatalogue catalogue,
            Clock clock) {
        this.socialLogIn = socialLogIn;
        this.answers = new LoginAnswers(settings, clock);
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.SOCIAL_LOGIN));
    }

    @POST
    public Response logIn(@PathParam("provider") String provider, RequestFields body,
            @Context ContainerRequestContext request, @Context HttpHeaders headers) {
        RequestFields fields = RequestFields.orEmpty(body);
        var errors = ValidationErrors.builder();
        Optional<ProviderProof> proof = ProviderProofs.read(fields, errors);
        if (proof.isEmpty()) {
            return ErrorBodies.invalid(errors.build());
        }
        var command = new SocialLogIn.Command(provider, proof.get(), fields.get("email"), fields.values(),
                ClientLanguages.of(headers), Clients.of(request));
        return switch (socialLogIn.logIn(command)) {
            case SocialLogIn.Outcome.LoggedIn in -> answers.loggedIn(in.account(), in.credentials(), request);
            case SocialLogIn.Outcome.Rejected rejected -> ErrorBodies.invalid(rejected.errors());
            case SocialLogIn.Outcome.UnknownProvider unknown -> Answers.detail(404, SocialAccountsResource.NOT_FOUND);
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
