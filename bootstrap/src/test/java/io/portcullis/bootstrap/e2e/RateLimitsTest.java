package io.portcullis.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.bootstrap.config.SettingsLoader;
import io.portcullis.bootstrap.server.PortcullisServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rate limits on the running service. The loopback is the trusted proxy, so each request
 * names its client in {@code X-Forwarded-For} as a reverse proxy would; the counters are in the
 * database, so two services on one database share them.
 */
class RateLimitsTest {

    private static final String PASSWORD = "Xq7!vLp2#Rt9";

    @TempDir
    Path work;

    private static PortcullisServer start(Path work, String databaseUrl, Map<String, String> extra) {
        var environment = new HashMap<String, String>();
        environment.put("PORTCULLIS_HTTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_HTTP_PORT", "0");
        environment.put("PORTCULLIS_HTTP_TRUSTED_PROXIES", "127.0.0.1, ::1");
        environment.put("PORTCULLIS_DATABASE_URL", databaseUrl);
        environment.put("PORTCULLIS_JWT_SECRET", "rate-limit-test-secret-0123456789-abcdefghijk");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_MEMORY_KIB", "7168");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_ITERATIONS", "1");
        environment.put("PORTCULLIS_MAIL_BACKEND", "file");
        environment.put("PORTCULLIS_MAIL_FILE_DIR", work.resolve("mail").toString());
        environment.putAll(extra);
        return PortcullisServer.start(new SettingsLoader(environment, Map.of(), 2, new SecureRandom()).load(),
                Clock.systemUTC());
    }

    private static HttpSession.Answer logIn(HttpSession http, String client, String email, String password) {
        return http.post("/auth/login/", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                Map.of("X-Forwarded-For", client));
    }

    private static void register(HttpSession http, String email) {
        var answer = http.post("/auth/registration/", "{\"email\":\"" + email + "\",\"password1\":\"" + PASSWORD
                + "\",\"password2\":\"" + PASSWORD + "\"}", Map.of("X-Forwarded-For", "192.0.2.1"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    @Test
    void a_guessing_loop_against_one_account_gets_429s_while_the_owner_logs_in_from_another_address() {
        try (PortcullisServer server = start(work, "jdbc:h2:file:" + work.resolve("db").toAbsolutePath(), Map.of())) {
            var http = new HttpSession(server.baseUri());
            register(http, "owner@example.com");

            int rejected = 0;
            int throttled = 0;
            for (int i = 0; i < 30; i++) {
                var answer = logIn(http, "203.0.113.66", "owner@example.com", "guess-" + i);
                if (answer.status() == 429) {
                    throttled++;
                    assertThat(answer.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 300));
                    assertThat(answer.text("detail")).startsWith("Request was throttled. Expected available in ");
                } else {
                    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
                    rejected++;
                }
            }

            assertThat(rejected).as("guesses checked before the limit").isEqualTo(5);
            assertThat(throttled).isEqualTo(25);
            assertThat(logIn(http, "203.0.113.66", "owner@example.com", PASSWORD).status())
                    .as("the right password from the attacker's address waits too").isEqualTo(429);
            var owner = logIn(http, "198.51.100.23", "owner@example.com", PASSWORD);
            assertThat(owner.status()).as(owner.body()).isEqualTo(200);
            assertThat(owner.text("access")).isNotBlank();
        }
    }

    @Test
    void two_services_on_one_database_share_a_limit() throws SQLException {
        // A database server of its own, which both services reach over TCP as two nodes would.
        Server database = Server.createTcpServer("-tcpPort", "0", "-baseDir", work.toString(), "-ifNotExists").start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/shared";
        try (PortcullisServer first = start(work, url, Map.of());
                PortcullisServer second = start(work, url, Map.of())) {
            var one = new HttpSession(first.baseUri());
            var other = new HttpSession(second.baseUri());
            assertThat(one.base()).isNotEqualTo(other.base());
            register(one, "shared@example.com");

            for (int i = 0; i < 5; i++) {
                var answer = logIn(i % 2 == 0 ? one : other, "203.0.113.77", "shared@example.com", "guess-" + i);
                assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            }

            assertThat(logIn(one, "203.0.113.77", "shared@example.com", "guess").status()).isEqualTo(429);
            assertThat(logIn(other, "203.0.113.77", "shared@example.com", "guess").status()).isEqualTo(429);
            assertThat(logIn(other, "198.51.100.24", "shared@example.com", PASSWORD).status()).isEqualTo(200);
        } finally {
            database.stop();
        }
    }

    @Test
    void in_memory_counters_limit_one_service() {
        try (PortcullisServer server = start(work, "jdbc:h2:file:" + work.resolve("memory").toAbsolutePath(),
                Map.of("PORTCULLIS_RATE_LIMITS_STORE", "memory", "PORTCULLIS_RATE_LIMITS_CONFIRM_EMAIL", "1/3m/key"))) {
            var http = new HttpSession(server.baseUri());
            var first = http.post("/auth/registration/resend-email/", "{\"email\":\"someone@example.com\"}", Map.of());
            var second = http.post("/auth/registration/resend-email/", "{\"email\":\"SOMEONE@example.com\"}",
                    Map.of());

            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(170, 180));
        }
    }
}
