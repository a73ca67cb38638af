package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.client.Clients;
import jakarta.ws.rs.container.ContainerRequestContext;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.html.PasswordResetPages;
import io.portcullis.adapters.rest.negotiation.HtmlPreference;
import io.portcullis.adapters.rest.response.AllowedMethods;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.password.ConfirmPasswordReset;
import io.portcullis.domain.validation.FieldInput;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code password/reset/confirm/<uid>/<token>/}, the link in the reset mail. A browser gets a
 * form that posts back here. POST reads uid and token from the body as dj-rest-auth does, but,
 * unlike dj-rest-auth, which ignores the path, takes them from the path when the body has none.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class PasswordResetLinkResource {

    private final PasswordResetSubmission submission;
    private final Map<String, Object> metadata;

    @Inject
    public PasswordResetLinkResource(ConfirmPasswordReset confirm, RestSettings settings, EndpointCatalogue catalogue) {
        this.submission = new PasswordResetSubmission(confirm);
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.PASSWORD_RESET_LINK));
    }

    /** The form for a browser; API clients get dj-rest-auth's 405, the link being POST-only there. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response open(@PathParam("uid") String uid, @PathParam("token") String token,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        if (HtmlPreference.prefersHtml(headers)) {
            return PasswordResetPages.form(uri.getAbsolutePath().getRawPath(), uid, token);
        }
        return Response.fromResponse(ErrorBodies.detail(405, "Method \"GET\" not allowed."))
                .header(HttpHeaders.ALLOW, AllowedMethods.header(List.of(HttpMethod.POST)))
                .build();
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response confirm(RequestFields body, @PathParam("uid") String uid, @PathParam("token") String token,
            @Context HttpHeaders headers, @Context UriInfo uri, @Context ContainerRequestContext request) {
        RequestFields fields = RequestFields.orEmpty(body);
        return submission.submit(fields, orFromPath(fields.get("uid"), uid), orFromPath(fields.get("token"), token),
                headers, uri.getAbsolutePath().getRawPath(), Clients.of(request));
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }

    private static FieldInput orFromPath(FieldInput fromBody, String fromPath) {
        return fromBody.isAbsent() ? FieldInput.of(fromPath) : fromBody;
    }
}
