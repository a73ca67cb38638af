package io.portcullis.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.persistence.Database;
import io.portcullis.adapters.persistence.DatabaseSettings;
import io.portcullis.bootstrap.config.SettingsLoader;
import io.portcullis.bootstrap.server.PortcullisServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token mode against the real service and database: registration and login answer a key, the
 * database keeps only its SHA-256 digest, the key reads the user, and logout revokes it.
 */
class OpaqueKeySessionTest {

    static final String PASSWORD = "Xq7!vLp2#Rt9";

    @TempDir
    Path work;

    private PortcullisServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String json, String key) throws Exception {
        var request = HttpRequest.newBuilder(server.baseUri().resolve(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Token " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String key(HttpResponse<String> response) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("key").asText();
    }

    @Test
    void aKeyFromLoginReadsTheUserUntilLogoutAndOnlyItsDigestIsStored() throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("db").toAbsolutePath();
        var environment = new HashMap<String, String>();
        environment.put("PORTCULLIS_HTTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_HTTP_PORT", "0");
        environment.put("PORTCULLIS_DATABASE_URL", url);
        environment.put("PORTCULLIS_TOKENS_MODE", "opaque");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_MEMORY_KIB", "7168");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_ITERATIONS", "1");
        server = PortcullisServer.start(
                new SettingsLoader(environment, Map.of(), 2, new java.security.SecureRandom()).load(), Clock.systemUTC());

        var registered = send("POST", "auth/registration/", "{\"email\":\"alice@example.com\",\"password1\":\""
                + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}", null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(registered.body()).matches("\\{\"key\":\"[A-Za-z0-9_-]{43}\"}");
        var login = send("POST", "auth/login/", "{\"email\":\"alice@example.com\",\"password\":\"" + PASSWORD + "\"}",
                null);
        String key = key(login);

        var user = send("GET", "auth/user/", null, key);
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("alice@example.com");
        assertThat(send("POST", "auth/token/refresh/", "{}", null).statusCode()).isEqualTo(404);

        List<String> stored = new ArrayList<>();
        try (Database database = Database.open(new DatabaseSettings(url, "sa", "", 1, java.time.Duration.ofSeconds(5)));
                Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT key_digest FROM sessions WHERE key_digest IS NOT NULL")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        assertThat(stored).hasSize(2).contains(new io.portcullis.domain.session.SessionKey(key).digest())
                .doesNotContain(key, key(registered));

        var logout = send("POST", "auth/logout/", null, key);
        assertThat(logout.statusCode()).isEqualTo(200);
        var after = send("GET", "auth/user/", null, key);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).isEqualTo("{\"detail\":\"Invalid token.\"}");
        assertThat(after.headers().firstValue("WWW-Authenticate")).hasValue("Token");
        assertThat(send("GET", "auth/user/", null, key(registered)).statusCode()).isEqualTo(200);
    }
}
