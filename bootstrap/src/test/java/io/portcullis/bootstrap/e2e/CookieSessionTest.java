package io.portcullis.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.bootstrap.config.SettingsLoader;
import io.portcullis.bootstrap.server.PortcullisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cookie mode as a browser frontend uses it, against the real service: no token in any body, the
 * tokens in HttpOnly, Secure cookies, and the double-submit CSRF token required on every unsafe
 * request the cookies authenticate. The session logs in, reads the user, changes it, refreshes and
 * logs out; each unsafe step is first tried without the CSRF header and refused.
 */
class CookieSessionTest {

    static final String PASSWORD = "Xq7!vLp2#Rt9";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private PortcullisServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** What a browser keeps; the service's cookies are Secure, so a browser would need https or localhost. */
    private final Map<String, String> jar = new LinkedHashMap<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String json, boolean withCsrf) throws Exception {
        var request = HttpRequest.newBuilder(server.baseUri().resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (withCsrf) {
            request.header("X-CSRFToken", jar.getOrDefault("csrftoken", ""));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.substring(0, cookie.indexOf(';'));
            String name = pair.substring(0, pair.indexOf('='));
            if (cookie.contains("Max-Age=0;")) {
                jar.remove(name);
            } else {
                jar.put(name, pair.substring(pair.indexOf('=') + 1));
            }
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void logInReadTheUserRefreshAndLogOutWithCookiesAndCsrfAlone() throws Exception {
        var environment = new HashMap<String, String>();
        environment.put("PORTCULLIS_HTTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_HTTP_PORT", "0");
        environment.put("PORTCULLIS_DATABASE_URL", "jdbc:h2:file:" + work.resolve("db").toAbsolutePath());
        environment.put("PORTCULLIS_JWT_SECRET", "a-cookie-session-test-secret-of-more-than-32-bytes");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_MEMORY_KIB", "7168");
        environment.put("PORTCULLIS_PASSWORD_ARGON2_ITERATIONS", "1");
        environment.put("PORTCULLIS_COOKIES_ACCESS_NAME", "my-app-auth");
        environment.put("PORTCULLIS_COOKIES_REFRESH_NAME", "my-refresh-token");
        environment.put("PORTCULLIS_COOKIES_TOKENS_IN_BODY", "false");
        environment.put("PORTCULLIS_ACCOUNT_PROFILE_FIELDS", "gender");
        environment.put("PORTCULLIS_ACCOUNT_PROFILE_GENDER_TYPE", "choice");
        environment.put("PORTCULLIS_ACCOUNT_PROFILE_GENDER_CHOICES", "M:Male,F:Female,NS:Not Specified");
        server = PortcullisServer.start(
                new SettingsLoader(environment, Map.of(), 2, new java.security.SecureRandom()).load(), Clock.systemUTC());

        // Registration hands out the tokens in cookies; this session starts afresh with a login.
        var registered = send("POST", "auth/registration/", "{\"email\":\"alice@example.com\",\"password1\":\""
                + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\",\"gender\":\"F\"}", false);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        jar.clear();

        var login = send("POST", "auth/login/", "{\"email\":\"alice@example.com\",\"password\":\"" + PASSWORD + "\"}",
                false);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json(login).get("access").asText()).isEmpty();
        assertThat(json(login).get("refresh").asText()).isEmpty();
        assertThat(login.headers().allValues("Set-Cookie")).hasSize(3).allSatisfy(c -> assertThat(c).endsWith("; Secure"));
        assertThat(login.headers().allValues("Set-Cookie").subList(0, 2)).allSatisfy(c -> assertThat(c).contains("HttpOnly"));
        assertThat(jar).containsOnlyKeys("my-app-auth", "my-refresh-token", "csrftoken");

        var user = send("GET", "auth/user/", null, false);
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(json(user).get("email").asText()).isEqualTo("alice@example.com");

        assertThat(send("PATCH", "auth/user/", "{\"gender\":\"NS\"}", false).statusCode()).isEqualTo(403);
        var changed = send("PATCH", "auth/user/", "{\"gender\":\"NS\"}", true);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("gender").asText()).isEqualTo("NS");

        String oldAccess = jar.get("my-app-auth");
        String oldRefresh = jar.get("my-refresh-token");
        var refusedRefresh = send("POST", "auth/token/refresh/", "{}", false);
        assertThat(refusedRefresh.statusCode()).isEqualTo(403);
        assertThat(refusedRefresh.body()).isEqualTo("{\"detail\":\"CSRF Failed: CSRF token missing or incorrect.\"}");
        var refreshed = send("POST", "auth/token/refresh/", "{}", true);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(json(refreshed).get("access").asText()).isEmpty();
        assertThat(jar.get("my-app-auth")).isNotEqualTo(oldAccess);
        assertThat(jar.get("my-refresh-token")).isNotEqualTo(oldRefresh);
        assertThat(send("GET", "auth/user/", null, false).statusCode()).isEqualTo(200);

        var refusedLogout = send("POST", "auth/logout/", null, false);
        assertThat(refusedLogout.statusCode()).isEqualTo(403);
        assertThat(refusedLogout.headers().allValues("Set-Cookie")).isEmpty();
        String lastAccess = jar.get("my-app-auth");
        var logout = send("POST", "auth/logout/", null, true);
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.body()).isEqualTo("{\"detail\":\"Successfully logged out.\"}");
        assertThat(jar).isEmpty();

        // The session is over: the last access token no longer works, even presented by hand.
        jar.put("my-app-auth", lastAccess);
        assertThat(send("GET", "auth/user/", null, false).statusCode()).isEqualTo(401);
        assertThat(List.of(oldRefresh)).allSatisfy(token -> assertThat(token).isNotBlank());
    }
}
