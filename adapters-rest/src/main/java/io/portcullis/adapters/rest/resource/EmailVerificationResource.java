package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.client.Clients;
import jakarta.ws.rs.container.ContainerRequestContext;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.negotiation.HtmlPreference;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.confirmation.ConfirmEmail;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code registration/verify-email/} and its documented alias {@code account-confirm-email/}: the
 * key of a confirmation mail confirms the address. A browser submitting the button of the
 * confirmation page (see {@link ConfirmationLinkResource}) is answered as following the link is:
 * redirected, or shown the page of a dead link.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class EmailVerificationResource {

    static final String OK = "ok";

    private final ConfirmEmail confirm;
    private final ConfirmationAnswers answers;
    private final Map<String, Object> metadata;

    @Inject
    public EmailVerificationResource(ConfirmEmail confirm, RestSettings settings, EndpointCatalogue catalogue) {
        this.confirm = confirm;
        this.answers = new ConfirmationAnswers(settings);
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.VERIFY_EMAIL));
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response verify(RequestFields body, @Context HttpHeaders headers,
            @Context ContainerRequestContext request) {
        boolean page = HtmlPreference.prefersHtml(headers);
        return switch (confirm.confirm(RequestFields.orEmpty(body).get("key"), Clients.of(request))) {
            case ConfirmEmail.Outcome.Confirmed confirmed -> page ? answers.confirmed() : Answers.detail(200, OK);
            case ConfirmEmail.Outcome.NotFound notFound ->
                    page ? answers.invalidLink(headers) : ErrorBodies.detail(404, "Not found.");
            case ConfirmEmail.Outcome.Invalid invalid -> ErrorBodies.invalid(invalid.errors());
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
