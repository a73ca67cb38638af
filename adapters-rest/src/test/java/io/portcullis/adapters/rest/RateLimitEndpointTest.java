package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.client.ForwardedClientFilter;
import io.portcullis.adapters.rest.client.TrustedProxies;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.ratelimit.RateLimitSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.TokenSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 429 with Retry-After and DRF's body, over a real server. The loopback is a trusted proxy here,
 * so each test picks its client's address with {@code X-Forwarded-For}; a second server trusts no
 * proxy, and there the header changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitEndpointTest {

    private final TestApp app = new TestApp(ArticleSetup.settings(EmailVerification.MANDATORY, false),
            TokenSettings.simpleJwtDefaults(), false, RateLimitSettings.defaults());
    private final TestApp direct = new TestApp(ArticleSetup.settings(EmailVerification.NONE, false),
            TokenSettings.simpleJwtDefaults(), false, RateLimitSettings.defaults());
    private ApiServer api;
    private ApiServer noProxy;

    @BeforeAll
    void start() {
        api = ApiServer.start(app, RestSettings.defaults(app.settings), config -> config.register(
                new ForwardedClientFilter(TrustedProxies.of("127.0.0.1, ::1", "X-Forwarded-For"))));
        noProxy = ApiServer.start(direct);
    }

    @AfterAll
    void stop() {
        api.close();
        noProxy.close();
    }

    private Reply logIn(ApiServer server, String client, String email, String password) {
        return server.post("/auth/login/").header("X-Forwarded-For", client)
                .json(Flows.loginJson(email, password)).send();
    }

    @Test
    void a_guessing_loop_gets_429s_while_the_owner_logs_in_from_another_address() {
        String email = Flows.uniqueEmail("victim");
        Flows.registered(app, email);
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(api, "203.0.113.50", email, "guess-" + i).status()).isEqualTo(400);
        }

        Reply throttled = logIn(api, "203.0.113.50", email, Flows.PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("300");
        assertThat(throttled.header("Content-Type")).startsWith("application/json");
        assertThat(throttled.body())
                .isEqualTo("{\"detail\":\"Request was throttled. Expected available in 300 seconds.\"}");
        assertThat(logIn(api, "198.51.100.7", email, Flows.PASSWORD).status()).isEqualTo(200);
        assertThat(logIn(api, "[2001:db8::7]:51234", email, Flows.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void a_throttled_endpoint_still_answers_options_and_other_endpoints_answer_as_ever() {
        String email = Flows.uniqueEmail("options");
        Flows.registered(app, email);
        for (int i = 0; i < 5; i++) {
            logIn(api, "203.0.113.51", email, "guess-" + i);
        }
        assertThat(logIn(api, "203.0.113.51", email, "guess").status()).isEqualTo(429);

        assertThat(api.call("OPTIONS", "/auth/login/").header("X-Forwarded-For", "203.0.113.51").send().status())
                .isEqualTo(200);
        assertThat(api.post("/auth/password/reset/").header("X-Forwarded-For", "203.0.113.51")
                .json("{\"email\": \"" + email + "\"}").send().status()).isEqualTo(200);
        assertThat(api.post("/auth/login/").header("X-Forwarded-For", "203.0.113.51").json("{}").send().status())
                .as("an incomplete form is answered before any limit").isEqualTo(400);
    }

    @Test
    void a_second_resend_within_three_minutes_is_throttled_for_known_and_unknown_addresses_alike() {
        String known = Flows.uniqueEmail("unconfirmed");
        Flows.registeredUnverified(app, known);
        String unknown = Flows.uniqueEmail("nobody");
        for (String email : new String[] {known, unknown}) {
            assertThat(resend(email, "192.0.2.30").status()).isEqualTo(200);
        }
        app.clock.advance(Duration.ofSeconds(30));

        Reply first = resend(known, "192.0.2.31");
        Reply second = resend(unknown, "192.0.2.32");

        assertThat(first.status()).isEqualTo(second.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo(second.header("Retry-After")).isEqualTo("150");
        assertThat(first.body()).isEqualTo(second.body())
                .isEqualTo("{\"detail\":\"Request was throttled. Expected available in 150 seconds.\"}");
        app.clock.advance(Duration.ofSeconds(150));
        assertThat(resend(known, "192.0.2.31").status()).isEqualTo(200);
    }

    private Reply resend(String email, String client) {
        return api.post("/auth/registration/resend-email/").header("X-Forwarded-For", client)
                .json("{\"email\": \"" + email + "\"}").send();
    }

    @Test
    void the_last_second_is_said_in_the_singular() {
        String email = Flows.uniqueEmail("singular");
        resend(email, "192.0.2.40");
        app.clock.advance(Duration.ofSeconds(179).plusMillis(500));

        Reply reply = resend(email, "192.0.2.40");

        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Request was throttled. Expected available in 1 second.\"}");
    }

    @Test
    void without_a_trusted_proxy_a_forged_header_does_not_escape_the_limit() {
        String email = Flows.uniqueEmail("direct");
        Flows.registered(direct, email);
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(noProxy, "10.9.8." + i, email, "guess-" + i).status()).isEqualTo(400);
        }

        assertThat(logIn(noProxy, "10.9.8.200", email, Flows.PASSWORD).status()).isEqualTo(429);
    }
}
