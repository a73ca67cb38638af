package io.portcullis.adapters.rest.resource;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.adapters.rest.auth.AccountPrincipal;
import io.portcullis.adapters.rest.auth.Authenticated;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.application.session.ListSessions;
import io.portcullis.domain.session.ActiveSession;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/**
 * {@code sessions/}: the caller's logins that still work, the most recently used first, each with
 * when it began and was last used (login or refresh), the browser and address it came from, and
 * whether it is the one making this request.
 */
@Singleton
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public final class SessionsResource {

    /** One session as listed. */
    record Listed(
            String id,
            String created,
            @JsonProperty("last_used") String lastUsed,
            @JsonProperty("user_agent") String userAgent,
            @JsonProperty("ip_address") String ipAddress,
            boolean current) {}

    private final ListSessions list;
    private final Map<String, Object> metadata;

    @Inject
    public SessionsResource(ListSessions list, EndpointCatalogue catalogue) {
        this.list = list;
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.SESSIONS));
    }

    @GET
    public Response list(@Context SecurityContext security) {
        AccountPrincipal caller = AccountPrincipal.of(security);
        List<Listed> sessions = list.list(caller.account().id()).stream()
                .map(session -> listed(session, caller))
                .toList();
        return Response.fromResponse(Answers.json(200, sessions)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }

    private static Listed listed(ActiveSession session, AccountPrincipal caller) {
        return new Listed(session.id().value(), Timestamps.iso(session.createdAt()),
                Timestamps.iso(session.lastUsedAt()), session.client().userAgent().orElse(null),
                session.client().ipAddress().orElse(null), session.id().equals(caller.session()));
    }
}
