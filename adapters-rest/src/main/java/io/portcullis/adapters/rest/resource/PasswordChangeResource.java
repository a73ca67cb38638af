package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.client.Clients;
import jakarta.ws.rs.container.ContainerRequestContext;
import io.portcullis.adapters.rest.auth.AccountPrincipal;
import io.portcullis.adapters.rest.auth.Authenticated;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.negotiation.ClientLanguages;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.password.ChangePassword;
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
import jakarta.ws.rs.core.SecurityContext;

/** {@code password/change/}: the caller sets a new password. */
@Singleton
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public final class PasswordChangeResource {

    static final String SAVED = "New password has been saved.";

    private final ChangePassword change;
    private final Map<String, Object> metadata;

    @Inject
    public PasswordChangeResource(ChangePassword change, RestSettings settings, EndpointCatalogue catalogue) {
        this.change = change;
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.PASSWORD_CHANGE));
    }

    @POST
    public Response change(RequestFields body, @Context SecurityContext security, @Context HttpHeaders headers,
            @Context ContainerRequestContext request) {
        RequestFields fields = RequestFields.orEmpty(body);
        var command = new ChangePassword.Command(AccountPrincipal.of(security).account().id(),
                fields.get("old_password"), fields.get("new_password1"), fields.get("new_password2"),
                ClientLanguages.of(headers), Clients.of(request));
        return switch (change.change(command)) {
            case ChangePassword.Outcome.Changed changed -> Answers.detail(200, SAVED);
            case ChangePassword.Outcome.Rejected rejected -> ErrorBodies.invalid(rejected.errors());
            case ChangePassword.Outcome.Conflict conflict -> Answers.detail(409, UserResource.CONFLICT);
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
