package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.negotiation.ClientLanguages;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.password.RequestPasswordReset;
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
 * {@code password/reset/}: mails a reset link to the owner of the address. Known and unknown
 * addresses get the same answer.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class PasswordResetResource {

    static final String SENT = "Password reset e-mail has been sent.";

    private final RequestPasswordReset request;
    private final Map<String, Object> metadata;

    @Inject
    public PasswordResetResource(RequestPasswordReset request, RestSettings settings, EndpointCatalogue catalogue) {
        this.request = request;
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.PASSWORD_RESET));
    }

    @POST
    public Response request(RequestFields body, @Context HttpHeaders headers,
            @Context ContainerRequestContext context) {
        var command = new RequestPasswordReset.Command(RequestFields.orEmpty(body).get("email"),
                ClientLanguages.of(headers), Clients.of(context));
        return switch (request.request(command)) {
            case RequestPasswordReset.Outcome.Accepted accepted -> Answers.detail(200, SENT);
            case RequestPasswordReset.Outcome.Invalid invalid -> ErrorBodies.invalid(invalid.errors());
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
