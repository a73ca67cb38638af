package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.client.Clients;
import jakarta.ws.rs.container.ContainerRequestContext;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.password.ConfirmPasswordReset;
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
import jakarta.ws.rs.core.UriInfo;

/** {@code password/reset/confirm/}: uid, token and the new password twice, all in the body. */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class PasswordResetConfirmResource {

    private final PasswordResetSubmission submission;
    private final Map<String, Object> metadata;

    @Inject
    public PasswordResetConfirmResource(ConfirmPasswordReset confirm, RestSettings settings, EndpointCatalogue catalogue) {
        this.submission = new PasswordResetSubmission(confirm);
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.PASSWORD_RESET_CONFIRM));
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response confirm(RequestFields body, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context ContainerRequestContext request) {
        RequestFields fields = RequestFields.orEmpty(body);
        return submission.submit(fields, fields.get("uid"), fields.get("token"), headers,
                uri.getAbsolutePath().getRawPath(), Clients.of(request));
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
