package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.rest.settings.CorsSettings;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.EmailVerification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cross-origin requests, as django-cors-headers answers them; nothing is allowed unless configured. */
class CorsTest {

    private static final String FRONTEND = "https://app.example.com";
    private static final String OTHER = "https://evil.example.net";

    private static ApiServer server(CorsSettings cors) {
        var app = new TestApp(EmailVerification.NONE);
        return ApiServer.start(app, RestSettings.defaults(app.settings).withCors(cors));
    }

    private static Reply preflight(ApiServer api, String origin) {
        return api.call("OPTIONS", "/auth/login/").header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").send();
    }

    @Test
    void allowsNothingByDefault() {
        try (var api = server(CorsSettings.none())) {
            Reply preflight = preflight(api, FRONTEND);
            Reply post = api.post("/auth/login/").header("Origin", FRONTEND).json("{}").send();

            assertThat(preflight.status()).isEqualTo(200);
            assertThat(preflight.json().get("name").asText()).isEqualTo("Login");
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
            assertThat(post.header("Access-Control-Allow-Origin")).isNull();
            assertThat(post.header("Vary")).isEqualTo("Accept");
        }
    }

    @Test
    void answersThePreflightOfAnAllowedOrigin() {
        try (var api = server(CorsSettings.allowing(FRONTEND).withCredentials(true))) {
            Reply preflight = preflight(api, FRONTEND);

            assertThat(preflight.status()).isEqualTo(200);
            assertThat(preflight.body()).isEmpty();
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
            assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("DELETE, GET, OPTIONS, PATCH, POST, PUT");
            assertThat(preflight.header("Access-Control-Allow-Headers"))
                    .isEqualTo("accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with");
            assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("86400");
            assertThat(preflight.header("Vary")).isEqualTo("Accept, Origin");
        }
    }

    @Test
    void marksTheAnswersToAnAllowedOrigin() {
        var cors = CorsSettings.allowing(FRONTEND).withCredentials(true).withExposedHeaders(List.of("Retry-After"));
        try (var api = server(cors)) {
            Reply post = api.post("/auth/login/").header("Origin", FRONTEND).json("{}").send();
            Reply refused = api.get("/auth/user/").header("Origin", FRONTEND).send();

            assertThat(post.status()).isEqualTo(400);
            assertThat(post.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
            assertThat(post.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(post.header("Access-Control-Expose-Headers")).isEqualTo("Retry-After");
            assertThat(post.header("Access-Control-Allow-Methods")).isNull();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
        }
    }

    @Test
    void givesAnotherOriginNothing() {
        try (var api = server(CorsSettings.allowing(FRONTEND).withCredentials(true))) {
            Reply preflight = preflight(api, OTHER);
            Reply post = api.post("/auth/login/").header("Origin", OTHER).json("{}").send();

            assertThat(preflight.status()).isEqualTo(200);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
            assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
            assertThat(post.header("Access-Control-Allow-Origin")).isNull();
            assertThat(post.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(post.header("Vary")).isEqualTo("Accept, Origin");
        }
    }

    @Test
    void answersAStarToAnyOriginWithoutCredentials() {
        var cors = new CorsSettings(List.of("*"), List.of("GET", "POST"), List.of("content-type"), List.of(), false,
                Duration.ZERO);
        try (var api = server(cors)) {
            Reply preflight = preflight(api, OTHER);

            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST");
            assertThat(preflight.header("Access-Control-Max-Age")).isNull();
            assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        }
    }

    @Test
    void refusesSettingsThatWouldOpenTooMuchOrNothing() {
        assertThatThrownBy(() -> new CorsSettings(List.of("*"), CorsSettings.DEFAULT_METHODS,
                CorsSettings.DEFAULT_HEADERS, List.of(), true, Duration.ZERO))
                .hasMessageContaining("credentials cannot be allowed for every origin");
        assertThatThrownBy(() -> CorsSettings.allowing("https://app.example.com/"))
                .hasMessageContaining("is not an origin");
        assertThatThrownBy(() -> CorsSettings.allowing("app.example.com")).hasMessageContaining("is not an origin");
        assertThatThrownBy(() -> CorsSettings.allowing("*", FRONTEND)).hasMessageContaining("* alone");
        assertThat(CorsSettings.allowing("http://localhost:3000").allows("http://LOCALHOST:3000")).isTrue();
    }
}
