package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.client.Clients;
import jakarta.ws.rs.container.ContainerRequestContext;
import io.portcullis.adapters.rest.html.ConfirmationPages;
import io.portcullis.adapters.rest.negotiation.HtmlPreference;
import io.portcullis.adapters.rest.response.AllowedMethods;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.confirmation.ConfirmEmail;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.List;

/**
 * {@code registration/account-confirm-email/<key>/}, the link in the confirmation mail. With
 * confirmation on GET (allauth's ACCOUNT_CONFIRM_EMAIL_ON_GET) following it confirms and
 * redirects; otherwise a browser gets a page whose button posts the key to verify-email, and an
 * API client, which should post the key itself, a 405.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class ConfirmationLinkResource {

    private final ConfirmEmail confirm;
    private final ConfirmationAnswers answers;
    private final boolean confirmOnGet;
    private final String verifyPath;
    private final Map<String, Object> metadata;

    @Inject
    public ConfirmationLinkResource(ConfirmEmail confirm, RestSettings settings, EndpointCatalogue catalogue) {
        this.confirm = confirm;
        this.answers = new ConfirmationAnswers(settings);
        this.confirmOnGet = settings.confirmEmailOnGet();
        this.verifyPath = settings.basePath() + "/registration/verify-email/";
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.CONFIRMATION_LINK));
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response follow(@PathParam("key") String key, @Context HttpHeaders headers,
            @Context ContainerRequestContext request) {
        if (!confirmOnGet) {
            return offerButton(key, headers);
        }
        return switch (confirm.confirm(key, Clients.of(request))) {
            case ConfirmEmail.Outcome.Confirmed confirmed -> answers.confirmed();
            case ConfirmEmail.Outcome.NotFound notFound -> answers.invalidLink(headers);
            // Only a key in a body can be malformed; one from the path is at worst unknown.
            case ConfirmEmail.Outcome.Invalid invalid -> answers.invalidLink(headers);
        };
    }

    /**
     * Jersey would run GET for HEAD, and spend the key on a request whose answer nobody reads:
     * link checkers and mail scanners send HEAD. It confirms nothing here.
     */
    @HEAD
    public Response peek() {
        return Response.ok().build();
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }

    private Response offerButton(String key, HttpHeaders headers) {
        if (HtmlPreference.prefersHtml(headers)) {
            return ConfirmationPages.confirmButton(verifyPath, key);
        }
        return Response.fromResponse(ErrorBodies.detail(405, "Method \"GET\" not allowed."))
                .header(HttpHeaders.ALLOW, AllowedMethods.header(List.of(HttpMethod.HEAD)))
                .build();
    }
}
