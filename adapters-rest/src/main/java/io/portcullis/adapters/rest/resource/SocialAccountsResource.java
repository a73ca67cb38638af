package io.portcullis.adapters.rest.resource;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portcullis.adapters.rest.auth.AccountPrincipal;
import io.portcullis.adapters.rest.auth.Authenticated;
import io.portcullis.adapters.rest.describe.DrfMetadata;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.application.social.ListSocialAccounts;
import io.portcullis.domain.social.SocialAccount;
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

/** {@code socialaccounts/}: dj-rest-auth's SocialAccountListView, the caller's linked identities. */
@Singleton
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public final class SocialAccountsResource {

    static final String NOT_FOUND = "Not found.";

    /** One linked identity as dj-rest-auth's SocialAccountSerializer writes it. */
    record Listed(
            long id,
            String provider,
            String uid,
            @JsonProperty("last_login") String lastLogin,
            @JsonProperty("date_joined") String dateJoined) {

        static Listed of(SocialAccount link) {
            return new Listed(link.id(), link.provider(), link.uid(), Timestamps.iso(link.lastLogin()),
                    Timestamps.iso(link.dateJoined()));
        }
    }

    private final ListSocialAccounts list;
    private final Map<String, Object> metadata;

    @Inject
    public SocialAccountsResource(ListSocialAccounts list, EndpointCatalogue catalogue) {
        this.list = list;
        this.metadata = DrfMetadata.of(catalogue.get(EndpointCatalogue.SOCIAL_ACCOUNTS));
    }

    @GET
    public Response list(@Context SecurityContext security) {
        AccountPrincipal caller = AccountPrincipal.of(security);
        List<Listed> links = list.list(caller.account().id()).stream().map(Listed::of).toList();
        return Response.fromResponse(Answers.json(200, links)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @OPTIONS
    public Response describe() {
        return Answers.json(200, metadata);
    }
}
