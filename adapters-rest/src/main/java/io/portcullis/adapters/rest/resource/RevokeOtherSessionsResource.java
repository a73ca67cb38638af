package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.client.Clients;
import jakarta.ws.rs.container.ContainerRequestContext;
import io.portcullis.adapters.rest.auth.AccountPrincipal;
import io.portcullis.adapters.rest.auth.Authenticated;
import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.application.session.RevokeOtherSessions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** {@code sessions/revoke-others/}: "log out everywhere else", keeping the session of this request. */
@Singleton
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public final class RevokeOtherSessionsResource {

    static final String REVOKED = "The other sessions have been ended.";

    /** The answer: the message and how many sessions ended. */
    record Revoked(String detail, int revoked) {}

    private final RevokeOtherSessions revoke;
    private final Map<String, Object> metadata;

    @Inject
    public RevokeOtherSessionsResource(RevokeOtherSessions revoke, EndpointCatalogue catalogue) {
        this.revoke = revoke;
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.SESSIONS_REVOKE_OTHERS));
    }

    /** The body is ignored (a browsable form or a client may send {@code {}}). */
    @POST
    public Response revokeOthers(RequestFields body, @Context SecurityContext security,
            @Context ContainerRequestContext request) {
        AccountPrincipal caller = AccountPrincipal.of(security);
        var revoked = revoke.revoke(new RevokeOtherSessions.Command(caller.account().id(), caller.session(),
                Clients.of(request)));
        return Answers.json(200, new Revoked(REVOKED, revoked.revoked()));
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
