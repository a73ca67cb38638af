package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.negotiation.ClientLanguages;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.client.Clients;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.confirmation.ResendConfirmation;
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
 * {@code registration/resend-email/}: another confirmation mail for an unconfirmed address. The
 * answer is the same for every well-formed address, so it tells nobody which ones have accounts.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class ResendEmailResource {

    private final ResendConfirmation resend;
    private final Map<String, Object> metadata;

    @Inject
    public ResendEmailResource(ResendConfirmation resend, RestSettings settings, EndpointCatalogue catalogue) {
        this.resend = resend;
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.RESEND_EMAIL));
    }

    @POST
    public Response resend(RequestFields body, @Context HttpHeaders headers,
            @Context ContainerRequestContext context) {
        var command = new ResendConfirmation.Command(RequestFields.orEmpty(body).get("email"),
                ClientLanguages.of(headers), Clients.of(context));
        return switch (resend.resend(command)) {
            case ResendConfirmation.Outcome.Accepted accepted -> Answers.detail(200, EmailVerificationResource.OK);
            case ResendConfirmation.Outcome.Invalid invalid -> ErrorBodies.invalid(invalid.errors());
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
