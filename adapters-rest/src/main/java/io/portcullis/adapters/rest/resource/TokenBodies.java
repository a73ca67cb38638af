package io.portcullis.adapters.rest.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The bodies that carry tokens, keys in dj-rest-auth's order. */
final class TokenBodies {

    /** Login and registration in token mode: DRF's TokenSerializer. */
    record Key(String key) {}

    /** Login and registration: dj-rest-auth's JWTSerializer. */
    record WithUser(String access, String refresh, Map<String, Object> user) {}

    /** Login with JWT_AUTH_RETURN_EXPIRATION: JWTSerializerWithExpiration. */
    record WithUserAndExpiration(
            String access,
            String refresh,
            Map<String, Object> user,
            @JsonProperty("access_expiration") String accessExpiration,
            @JsonProperty("refresh_expiration") String refreshExpiration) {}

    /** token/refresh; without rotation there is no new refresh token, so neither it nor its expiry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Refreshed(
            String access,
            String refresh,
            @JsonProperty("access_expiration") String accessExpiration,
            @JsonProperty("refresh_expiration") String refreshExpiration) {}

    private TokenBodies() {}
}
