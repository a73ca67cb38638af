package io.portcullis.adapters.rest.keys;

import io.portcullis.adapters.rest.response.ErrorBodies;
import io.portcullis.application.port.PublishedKeys;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /.well-known/jwks.json}: the public keys that verify this service's tokens, as a JSON Web
 * Key Set, for another service to verify an access token with nothing but this URL. Served only
 * when tokens are signed with key pairs (RS*, ES*); outside the base path, as RFC 8615 places it.
 * Verifiers may keep it five minutes; one that meets an unknown {@code kid} should fetch it again.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON)
public final class JwksResource {

    public static final String PATH = "/.well-known/jwks.json";

    private final PublishedKeys keys;

    @Inject
    public JwksResource(PublishedKeys keys) {
        this.keys = keys;
    }

    @GET
    public Response keys() {
        return Response.fromResponse(ErrorBodies.json(200, keys.jwkSet()))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .build();
    }
}
