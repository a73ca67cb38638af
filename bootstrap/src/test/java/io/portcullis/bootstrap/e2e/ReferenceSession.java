package io.portcullis.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account life cycle the reference records for dj-rest-auth, with logout-on-password-change
 * on: register, log in, read and patch the user, change the password (old tokens die), log in
 * again, refresh, detect reuse of a rotated refresh token, log out. Shared by the tests that run
 * it against an in-process server and against the built jar.
 */
final class ReferenceSession {

    private static final String USER = "{\"pk\":1,\"email\":\"dave@example.com\",\"phone_number\":\"+15550001111\",\"gender\":\"%s\"}";

    private ReferenceSession() {}

    static void run(HttpSession http, String base) {
        var registered = http.post(base + "registration/", "{\"email\": \"dave@example.com\", \"password1\": \"Xq7!vLp2#Rt9\","
                + " \"password2\": \"Xq7!vLp2#Rt9\", \"gender\": \"F\", \"phone_number\": \"+15550001111\"}");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body()).startsWith("{\"access\":\"").contains("\"user\":" + USER.formatted("F"));

        var duplicate = http.post(base + "registration/", "{\"email\": \"DAVE@example.com\", \"password1\": \"Xq7!vLp2#Rt9\","
                + " \"password2\": \"Xq7!vLp2#Rt9\", \"gender\": \"F\", \"phone_number\": \"+15550001111\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).isEqualTo("{\"email\":[\"A user is already registered with this e-mail address.\"]}");

        var login = http.post(base + "login/", "{\"email\": \"dave@example.com\", \"password\": \"Xq7!vLp2#Rt9\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().fieldNames()).toIterable().containsExactly("access", "refresh", "user");
        String access = login.text("access");
        String refresh = login.text("refresh");

        var user = http.get(base + "user/", access);
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.body()).isEqualTo(USER.formatted("F"));

        var patched = http.send("PATCH", base + "user/", "{\"gender\": \"NS\", \"phone_number\": \"+19999999999\"}", access);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body()).isEqualTo(USER.formatted("NS"));

        var changed = http.send("POST", base + "password/change/", "{\"old_password\": \"Xq7!vLp2#Rt9\","
                + " \"new_password1\": \"N3w-Pass!word\", \"new_password2\": \"N3w-Pass!word\"}", access);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo("{\"detail\":\"New password has been saved.\"}");

        var oldAccess = http.get(base + "user/", access);
        assertThat(oldAccess.status()).isEqualTo(401);
        assertThat(oldAccess.json().get("code").asText()).isEqualTo("token_not_valid");
        var oldRefresh = http.post(base + "token/refresh/", "{\"refresh\": \"" + refresh + "\"}");
        assertThat(oldRefresh.status()).isEqualTo(401);

        var oldPassword = http.post(base + "login/", "{\"email\": \"dave@example.com\", \"password\": \"Xq7!vLp2#Rt9\"}");
        assertThat(oldPassword.status()).isEqualTo(400);
        assertThat(oldPassword.body()).isEqualTo("{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}");

        var relogin = http.post(base + "login/", "{\"email\": \"dave@example.com\", \"password\": \"N3w-Pass!word\"}");
        assertThat(relogin.status()).isEqualTo(200);
        String refresh2 = relogin.text("refresh");

        var refreshed = http.post(base + "token/refresh/", "{\"refresh\": \"" + refresh2 + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().fieldNames()).toIterable()
                .containsExactly("access", "refresh", "access_expiration", "refresh_expiration");
        String refresh3 = refreshed.text("refresh");
        String access3 = refreshed.text("access");
        assertThat(http.get(base + "user/", access3).status()).isEqualTo(200);

        var reuse = http.post(base + "token/refresh/", "{\"refresh\": \"" + refresh2 + "\"}");
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.body()).isEqualTo("{\"detail\":\"Token is blacklisted\",\"code\":\"token_not_valid\"}");
        assertThat(http.post(base + "token/refresh/", "{\"refresh\": \"" + refresh3 + "\"}").status()).isEqualTo(401);
        assertThat(http.get(base + "user/", access3).status()).isEqualTo(401);

        var third = http.post(base + "login/", "{\"email\": \"dave@example.com\", \"password\": \"N3w-Pass!word\"}");
        var logout = http.post(base + "logout/", "{\"refresh\": \"" + third.text("refresh") + "\"}");
        assertThat(logout.status()).isEqualTo(200);
        assertThat(logout.body()).isEqualTo("{\"detail\":\"Successfully logged out.\"}");
        var again = http.post(base + "logout/", "{\"refresh\": \"" + third.text("refresh") + "\"}");
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.body()).isEqualTo("{\"detail\":\"Token is blacklisted\"}");
    }
}
