package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.client.Clients;
import jakarta.ws.rs.container.ContainerRequestContext;
import io.portcullis.adapters.rest.auth.AccountPrincipal;
import io.portcullis.adapters.rest.auth.Authenticated;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.application.session.RevokeSession;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/**
 * {@code sessions/{id}/}: DELETE ends one of the caller's sessions (this one too, if asked): its
 * tokens stop working at once. 204 as DRF's destroy answers; 404 for an id that is not one of the
 * caller's live sessions.
 */
@Singleton
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {

    static final String NOT_FOUND = "Not found.";

    private final RevokeSession revoke;
    private final Map<String, Object> metadata;

    @Inject
    public SessionResource(RevokeSession revoke, EndpointCatalogue catalogue) {
        this.revoke = revoke;
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.SESSION));
    }

    @DELETE
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security,
            @Context ContainerRequestContext request) {
        AccountPrincipal caller = AccountPrincipal.of(security);
        return switch (revoke.revoke(new RevokeSession.Command(caller.account().id(), id, Clients.of(request)))) {
            case RevokeSession.Outcome.Revoked revoked -> Response.noContent().build();
            case RevokeSession.Outcome.NotFound missing -> Answers.detail(404, NOT_FOUND);
        };
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
