package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.port.PublishedKeys;
import io.portcullis.application.settings.EmailVerification;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.junit.jupiter.api.Test;

/** {@code /.well-known/jwks.json}: served and documented when tokens are signed with key pairs, absent otherwise. */
class JwksEndpointTest {

    static final Map<String, Object> KEY_SET = Map.of("keys", List.of(Map.of(
            "kty", "EC", "use", "sig", "alg", "ES256", "kid", "k1", "crv", "P-256", "x", "xx", "y", "yy")));

    private final TestApp app = new TestApp(EmailVerification.NONE);

    private ApiServer start(boolean publishes) {
        PublishedKeys keys = () -> KEY_SET;
        return ApiServer.start(app, RestSettings.defaults(app.settings).withPublishedKeys(publishes),
                config -> config.register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(keys).to(PublishedKeys.class);
                    }
                }));
    }

    @Test
    void servesTheKeySetOutsideTheBasePathAndDocumentsIt() {
        try (ApiServer api = start(true)) {
            Reply reply = api.get("/.well-known/jwks.json").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).isEqualTo("application/json");
            assertThat(reply.header("Cache-Control")).isEqualTo("public, max-age=300");
            assertThat(reply.json().get("keys").get(0).get("kid").asText()).isEqualTo("k1");
            assertThat(api.get("/auth/openapi.json").send().json().get("paths").has("/.well-known/jwks.json")).isTrue();
            assertThat(api.post("/.well-known/jwks.json").json("{}").send().status()).isEqualTo(405);
        }
    }

    @Test
    void isNeitherServedNorDocumentedWithASharedSecret() {
        try (ApiServer api = start(false)) {
            assertThat(api.get("/.well-known/jwks.json").send().status()).isEqualTo(404);
            assertThat(api.get("/auth/openapi.json").send().json().get("paths").has("/.well-known/jwks.json")).isFalse();
        }
    }
}
