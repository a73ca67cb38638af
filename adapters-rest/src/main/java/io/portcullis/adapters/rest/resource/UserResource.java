package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.auth.AccountPrincipal;
import io.portcullis.adapters.rest.auth.Authenticated;
import io.portcullis.adapters.rest.auth.Unauthorized;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.user.UpdateUser;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import jakarta.ws.rs.core.SecurityContext;

/** {@code user/}: the caller's own account, read (GET) and changed (PUT replaces, PATCH amends). */
@Singleton
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public final class UserResource {

    static final String CONFLICT = "The account was changed by another request. Please retry.";

    private final UpdateUser update;
    private final UserRepresentation users;
    private final Map<String, Object> metadata;

    @Inject
    public UserResource(UpdateUser update, RestSettings settings, EndpointCatalogue catalogue) {
        this.update = update;
        this.users = new UserRepresentation(settings.account().userFields());
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.USER));
    }

    @GET
    public Response read(@Context SecurityContext security) {
        return Answers.json(200, users.of(AccountPrincipal.of(security).account()));
    }

    @PUT
    public Response replace(RequestFields body, @Context SecurityContext security) {
        return update(RequestFields.orEmpty(body), false, AccountPrincipal.of(security));
    }

    @PATCH
    public Response amend(RequestFields body, @Context SecurityContext security) {
        return update(RequestFields.orEmpty(body), true, AccountPrincipal.of(security));
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }

    private Response update(RequestFields fields, boolean partial, AccountPrincipal caller) {
        var command = new UpdateUser.Command(caller.account().id(), partial, fields.get("username"), fields.values());
        return switch (update.update(command)) {
            case UpdateUser.Outcome.Updated updated -> Answers.json(200, users.of(updated.account()));
            case UpdateUser.Outcome.Rejected rejected -> ErrorBodies.invalid(rejected.errors());
            case UpdateUser.Outcome.Conflict conflict -> Answers.detail(409, CONFLICT);
            case UpdateUser.Outcome.NotFound gone -> Unauthorized.accountNotFound();
        };
    }
}
