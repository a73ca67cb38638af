package io.portcullis.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.user.DeactivateAccount;
import io.portcullis.bootstrap.config.PortcullisConfig;
import io.portcullis.bootstrap.config.SettingsLoader;
import io.portcullis.bootstrap.server.PortcullisServer;
import io.portcullis.bootstrap.wiring.CompositionRoot;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code deactivate EMAIL}: the account is inactive and every one of its sessions ends at once. */
class DeactivationTest {

    static final String PASSWORD = "Xq7!vLp2#Rt9";

    @Test
    void aDeactivatedAccountLosesEverySessionAtOnce() {
        var environment = new HashMap<String, String>();
        environment.put("PORTCULLIS_HTTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_HTTP_PORT", "0");
        environment.put("PORTCULLIS_DATABASE_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        environment.put("PORTCULLIS_JWT_SECRET", "a-deactivation-test-secret-of-more-than-32-bytes");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_MEMORY_KIB", "7168");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_ITERATIONS", "1");
        PortcullisConfig config = new SettingsLoader(environment, Map.of(), 2, new java.security.SecureRandom()).load();
        try (PortcullisServer server = PortcullisServer.start(config, Clock.systemUTC())) {
            var http = new HttpSession(server.baseUri());
            String registered = KeyPairTokensTest.register(http, "alice@example.com").get("access").asText();
            var login = http.post("/auth/login/", "{\"email\":\"alice@example.com\",\"password\":\"" + PASSWORD + "\"}");
            String access = login.text("access");
            String refresh = login.text("refresh");
            assertThat(http.get("/auth/sessions/", access).json()).hasSize(2);

            var outcome = CompositionRoot.deactivate(config, Clock.systemUTC(), "ALICE@example.com");

            assertThat(outcome).isInstanceOf(DeactivateAccount.Outcome.Deactivated.class);
            assertThat(http.get("/auth/user/", access).status()).isEqualTo(401);
            assertThat(http.get("/auth/user/", registered).status()).isEqualTo(401);
            assertThat(http.post("/auth/token/refresh/", "{\"refresh\":\"" + refresh + "\"}").status()).isEqualTo(401);
            assertThat(http.post("/auth/login/", "{\"email\":\"alice@example.com\",\"password\":\"" + PASSWORD + "\"}")
                    .body()).isEqualTo("{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}");
            assertThat(CompositionRoot.deactivate(config, Clock.systemUTC(), "nobody@example.com"))
                    .isEqualTo(new DeactivateAccount.Outcome.NotFound());
        }
    }
}
