package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.adapters.rest.settings.TokenMode;
import io.portcullis.application.fakes.FakeIdentityProvider;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.SocialSettings;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.domain.account.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {provider}/, {provider}/connect/, socialaccounts/ and socialaccounts/{id}/disconnect/ over the
 * article's set-up (required gender and phone number), with fake providers google and github.
 */
class SocialEndpointsTest {

    static final String PROFILE = "\"gender\": \"F\", \"phone_number\": \"+15550001111\"";
    static final List<String> PROVIDERS = List.of("google", "github");

    static List<String> keys(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Login {

        private final TestApp app = new TestApp(EmailVerification.NONE);
        private ApiServer api;

        @BeforeAll
        void start() {
            api = ApiServer.start(app, RestSettings.defaults(app.settings).withSocialProviders(PROVIDERS));
        }

        @AfterAll
        void stop() {
            api.close();
        }

        @Test
        void a_code_signs_a_new_user_up_and_answers_exactly_like_a_password_login() {
            String email = Flows.uniqueEmail("ann");
            app.google.accepts("code-ann", app.google.identity("sub-" + email, email, true), "n-1");

            Reply social = api.post("/auth/google/").json("{\"code\": \"code-ann\", \"callback_url\":"
                    + " \"https://app.example.com/cb\", \"code_verifier\": \"v-1\", \"nonce\": \"n-1\", " + PROFILE + "}")
                    .send();

            assertThat(social.status()).as(social.body()).isEqualTo(200);
            assertThat(social.header("Cache-Control")).isEqualTo("no-store");
            Account ann = app.account(email);
            assertThat(ann.passwordHash().usable()).isFalse();
            assertThat(app.codec.claimsOf(social.text("access")).account()).isEqualTo(ann.id());
            assertThat(social.json().get("user").get("pk").asLong()).isEqualTo(ann.id().value());
            assertThat(app.google.shown()).last().isEqualTo(new ProviderProof.AuthorizationCode("code-ann",
                    Optional.of("https://app.example.com/cb"), Optional.of("v-1"), Optional.of("n-1")));

            Account bob = Flows.registered(app, Flows.uniqueEmail("bob"));
            Reply password = api.post("/auth/login/").json(Flows.loginJson(bob.email().orElseThrow().value(),
                    Flows.PASSWORD)).send();
            assertThat(keys(social.json())).isEqualTo(keys(password.json()));
            assertThat(keys(social.json().get("user"))).isEqualTo(keys(password.json().get("user")));
            assertThat(social.json().get("user").get("gender").asText()).isEqualTo("F");
        }

        @Test
        void redirect_uri_is_read_when_callback_url_is_absent_and_an_id_token_and_an_access_token_work_too() {
            String email = Flows.uniqueEmail("cy");
            var identity = app.google.identity("sub-" + email, email, true);
            app.google.accepts("code-cy", identity).accepts("id-token-cy", identity, "n-2")
                    .accepts("access-cy", identity);

            Reply byCode = api.post("/auth/google/").json("{\"code\": \"code-cy\", \"redirect_uri\":"
                    + " \"https://app.example.com/cb\", " + PROFILE + "}").send();
            Reply byIdToken = api.post("/auth/google").json("{\"id_token\": \"id-token-cy\", \"nonce\": \"n-2\"}").send();
            Reply byAccessToken = api.post("/auth/google/").form("access_token=access-cy").send();

            assertThat(byCode.status()).as(byCode.body()).isEqualTo(200);
            assertThat(app.google.shown()).contains(new ProviderProof.AuthorizationCode("code-cy",
                    Optional.of("https://app.example.com/cb"), Optional.empty(), Optional.empty()));
            for (Reply reply : List.of(byIdToken, byAccessToken)) {
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                assertThat(reply.json().get("user").get("email").asText()).isEqualTo(email);
            }
        }

        @Test
        void the_providers_refusals_are_400_with_their_reason() {
            String email = Flows.uniqueEmail("dee");
            app.google.accepts("id-token-dee", app.google.identity("sub-" + email, email, true), "right");

            Reply wrongNonce = api.post("/auth/google/").json("{\"id_token\": \"id-token-dee\", \"nonce\": \"wrong\"}").send();
            Reply usedCode = api.post("/auth/google/").json("{\"code\": \"never-issued\"}").send();

            assertThat(wrongNonce.status()).isEqualTo(400);
            assertThat(wrongNonce.body()).isEqualTo("{\"non_field_errors\":[\"" + FakeIdentityProvider.WRONG_NONCE + "\"]}");
            assertThat(usedCode.status()).isEqualTo(400);
            assertThat(usedCode.body()).isEqualTo("{\"non_field_errors\":[\"" + FakeIdentityProvider.CODE_USED + "\"]}");
        }

        @Test
        void neither_code_nor_token_is_djrestauths_400_and_blank_fields_count_as_absent() {
            for (String body : List.of("{}", "{\"code\": \"\", \"access_token\": \"  \"}", "{\"callback_url\": \"x\"}")) {
                Reply reply = api.post("/auth/google/").json(body).send();

                assertThat(reply.status()).isEqualTo(400);
                assertThat(reply.body())
                        .isEqualTo("{\"non_field_errors\":[\"Incorrect input. access_token or code is required.\"]}");
            }
            Reply empty = api.post("/auth/github/").send();
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.json().get("non_field_errors").get(0).asText()).startsWith("Incorrect input.");
        }

        @Test
        void fields_of_the_wrong_shape_are_field_errors_and_the_provider_is_not_asked() {
            int shown = app.github.shown().size();

            Reply reply = api.post("/auth/github/").json("{\"code\": {\"a\": 1}, \"nonce\": null}").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).isEqualTo("{\"code\":[\"Not a valid string.\"],\"nonce\":[\"This field may not be null.\"]}");
            Reply huge = api.post("/auth/github/").json("{\"access_token\": \"" + "a".repeat(16_385) + "\"}").send();
            assertThat(huge.status()).isEqualTo(400);
            assertThat(huge.json().get("access_token").get(0).asText()).contains("16384");
            assertThat(app.github.shown()).hasSize(shown);
        }

        @Test
        void an_unknown_provider_is_a_json_404_and_other_methods_a_405() {
            Reply unknown = api.post("/auth/facebook/").json("{\"access_token\": \"t\"}").send();
            Reply get = api.get("/auth/google/").header("Accept", "application/json").send();

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.header("Content-Type")).startsWith("application/json");
            assertThat(unknown.json().has("detail")).isTrue();
            assertThat(get.status()).isEqualTo(405);
            assertThat(get.body()).isEqualTo("{\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        }

        @Test
        void a_provider_that_is_down_is_a_503_naming_it_never_a_500() {
            var down = new TestApp(EmailVerification.NONE);
            down.github.goDown();
            try (var server = ApiServer.start(down, RestSettings.defaults(down.settings).withSocialProviders(PROVIDERS))) {
                Reply reply = server.post("/auth/github/").json("{\"access_token\": \"t\"}").send();

                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.header("Retry-After")).isEqualTo("30");
                assertThat(reply.body()).isEqualTo(
                        "{\"detail\":\"The sign-in provider \\\"github\\\" is unavailable right now. Please retry shortly.\"}");
            }
        }

        @Test
        void an_address_of_an_existing_account_asks_its_owner_to_log_in_and_connect() {
            Account eve = Flows.registered(app, Flows.uniqueEmail("eve"));
            String email = eve.email().orElseThrow().value();
            app.github.accepts("tok-eve", app.github.identity("gh-" + email, email, true));

            Reply reply = api.post("/auth/github/").json("{\"access_token\": \"tok-eve\"}").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).isEqualTo("{\"non_field_errors\":[\"An account already exists with this e-mail"
                    + " address. Please sign in to that account first, then connect your github account.\"]}");
        }

        @Test
        void a_new_account_missing_required_profile_fields_is_told_which() {
            String email = Flows.uniqueEmail("fay");
            app.github.accepts("tok-fay", app.github.identity("gh-" + email, email, true));

            Reply reply = api.post("/auth/github/").json("{\"access_token\": \"tok-fay\", \"gender\": \"X\"}").send();

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).isEqualTo(
                    "{\"gender\":[\"\\\"X\\\" is not a valid choice.\"],\"phone_number\":[\"This field is required.\"]}");
        }

        @Test
        void a_password_login_to_an_account_created_by_social_login_fails_like_a_wrong_password() {
            String email = Flows.uniqueEmail("gus");
            app.google.accepts("tok-gus", app.google.identity("sub-" + email, email, true));
            assertThat(api.post("/auth/google/").json("{\"access_token\": \"tok-gus\", " + PROFILE + "}").send().status())
                    .isEqualTo(200);
            String unusable = app.account(email).passwordHash().encoded();

            for (String password : List.of(unusable, unusable.substring(1), "anything-at-all")) {
                Reply reply = api.post("/auth/login/").json(Flows.loginJson(email, password)).send();
                assertThat(reply.status()).isEqualTo(400);
                assertThat(reply.body()).isEqualTo("{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}");
            }
        }

        @Test
        void a_browser_gets_the_page_of_each_provider_with_its_form_and_the_list_page_asks_for_a_login() {
            String browser = EmailVerificationEndpointTest.BROWSER;

            Reply page = api.get("/auth/github/").header("Accept", browser).send();
            Reply list = api.get("/auth/socialaccounts/").header("Accept", browser).send();

            assertThat(page.status()).isEqualTo(405);
            assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(page.body()).contains("<h1>Social Login</h1>",
                    "<form id=\"endpoint-form\" method=\"post\" action=\"/auth/github/\"", "name=\"code\"",
                    "name=\"code_verifier\"", "name=\"nonce\"");
            assertThat(list.status()).isEqualTo(401);
            assertThat(list.body()).contains("<h1>Social Account List</h1>", "HTTP 401 Unauthorized");
        }

        @Test
        void options_describes_the_fields_of_social_login() {
            Reply reply = api.call("OPTIONS", "/auth/google/").send();

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("name").asText()).isEqualTo("Social Login");
            assertThat(keys(reply.json().get("actions").get("POST"))).containsExactly("access_token", "code", "id_token",
                    "callback_url", "code_verifier", "nonce", "email", "gender", "phone_number");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ConnectListDisconnect {

        private final TestApp app = new TestApp(EmailVerification.NONE);
        private ApiServer api;

        @BeforeAll
        void start() {
            api = ApiServer.start(app, RestSettings.defaults(app.settings).withSocialProviders(PROVIDERS));
        }

        @AfterAll
        void stop() {
            api.close();
        }

        private String socialUser(String name) {
            String email = Flows.uniqueEmail(name);
            app.google.accepts("c-" + email, app.google.identity("sub-" + email, email, true));
            Reply reply = api.post("/auth/google/").json("{\"code\": \"c-" + email + "\", " + PROFILE + "}").send();
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return reply.text("access");
        }

        private Reply connectGithub(String access, String token, String subject) {
            app.github.accepts(token, app.github.identity(subject, null, false));
            return api.post("/auth/github/connect/").bearer(access).json("{\"access_token\": \"" + token + "\"}").send();
        }

        @Test
        void connect_list_and_disconnect_as_a_frontend_does() {
            String access = socialUser("hal");

            Reply connected = connectGithub(access, "gh-tok-hal", "gh-hal");
            assertThat(connected.status()).as(connected.body()).isEqualTo(200);
            assertThat(keys(connected.json())).containsExactly("access", "refresh", "user");

            Reply list = api.get("/auth/socialaccounts/").bearer(access).send();
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.header("Cache-Control")).isEqualTo("no-store");
            JsonNode links = list.json();
            assertThat(links).hasSize(2);
            assertThat(keys(links.get(0))).containsExactly("id", "provider", "uid", "last_login", "date_joined");
            assertThat(links.get(0).get("provider").asText()).isEqualTo("google");
            assertThat(links.get(1).get("provider").asText()).isEqualTo("github");
            assertThat(links.get(1).get("uid").asText()).isEqualTo("gh-hal");
            assertThat(links.get(1).get("date_joined").asText()).isEqualTo("2026-11-29T03:32:18.000000Z");

            long github = links.get(1).get("id").asLong();
            Reply disconnected = api.post("/auth/socialaccounts/" + github + "/disconnect/").bearer(access).send();
            assertThat(disconnected.status()).as(disconnected.body()).isEqualTo(200);
            assertThat(disconnected.json().get("uid").asText()).isEqualTo("gh-hal");
            assertThat(api.get("/auth/socialaccounts/").bearer(access).send().json()).hasSize(1);

            long google = links.get(0).get("id").asLong();
            Reply last = api.post("/auth/socialaccounts/" + google + "/disconnect").bearer(access).send();
            assertThat(last.status()).isEqualTo(400);
            assertThat(last.json().get("non_field_errors").get(0).asText())
                    .startsWith("Your account has no password set up");
        }

        @Test
        void an_identity_of_another_account_is_refused() {
            String first = socialUser("ida");
            String second = socialUser("jon");
            assertThat(connectGithub(first, "gh-tok-ida", "gh-shared").status()).isEqualTo(200);

            Reply reply = connectGithub(second, "gh-tok-jon", "gh-shared");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body())
                    .isEqualTo("{\"non_field_errors\":[\"The social account is already connected to a different account.\"]}");
        }

        @Test
        void without_a_login_connect_list_and_disconnect_are_401() {
            for (Reply reply : List.of(api.post("/auth/github/connect/").json("{\"access_token\": \"t\"}").send(),
                    api.get("/auth/socialaccounts/").send(),
                    api.post("/auth/socialaccounts/1/disconnect/").send())) {
                assertThat(reply.status()).isEqualTo(401);
                assertThat(reply.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
            }
        }

        @Test
        void a_link_that_is_not_the_callers_or_not_a_number_is_404() {
            String owner = socialUser("kim");
            String other = socialUser("lou");
            long id = api.get("/auth/socialaccounts/").bearer(owner).send().json().get(0).get("id").asLong();

            for (String path : List.of("/auth/socialaccounts/" + id + "/disconnect/",
                    "/auth/socialaccounts/abc/disconnect/", "/auth/socialaccounts/99999999999999999999/disconnect/")) {
                Reply reply = api.post(path).bearer(other).send();
                assertThat(reply.status()).as(path).isEqualTo(404);
                assertThat(reply.body()).isEqualTo("{\"detail\":\"Not found.\"}");
            }
            assertThat(api.get("/auth/socialaccounts/").bearer(owner).send().json()).hasSize(1);
        }

        @Test
        void connect_without_a_proof_is_400_and_to_an_unknown_provider_404() {
            String access = socialUser("max");

            Reply none = api.post("/auth/github/connect/").bearer(access).json("{}").send();
            Reply unknown = api.post("/auth/twitter/connect/").bearer(access).json("{\"access_token\": \"t\"}").send();

            assertThat(none.status()).isEqualTo(400);
            assertThat(none.body()).contains("Incorrect input. access_token or code is required.");
            assertThat(unknown.status()).isEqualTo(404);
        }
    }

    @Nested
    class Settings {

        @Test
        void without_providers_there_are_no_social_endpoints() {
            var app = new TestApp(EmailVerification.NONE);
            try (var api = ApiServer.start(app)) {
                assertThat(api.post("/auth/google/").json("{\"access_token\": \"t\"}").send().status()).isEqualTo(404);
                assertThat(api.get("/auth/socialaccounts/").send().status()).isEqualTo(404);
            }
        }

        @Test
        void a_provider_id_that_would_shadow_an_endpoint_is_refused_at_start() {
            var account = ArticleSetup.settings();
            for (String id : List.of("login", "password", "socialaccounts", "sessions", "user", "registration", "token")) {
                var settings = RestSettings.defaults(account).withSocialProviders(List.of("google", id));
                assertThatThrownBy(() -> new EndpointCatalogue(settings)).as(id)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'" + id + "' would shadow the endpoint /auth/" + id + "/");
            }
            assertThatThrownBy(() -> RestSettings.defaults(account).withSocialProviders(List.of("Google")))
                    .hasMessageContaining("lower-case");
            assertThatThrownBy(() -> RestSettings.defaults(account).withSocialProviders(List.of("a/b")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RestSettings.defaults(account).withSocialProviders(List.of("corp", "corp")))
                    .hasMessageContaining("twice");
        }

        @Test
        void in_token_mode_a_social_login_answers_with_a_key() {
            var app = new TestApp(ArticleSetup.settings(EmailVerification.NONE, false), TokenSettings.simpleJwtDefaults(),
                    true, SocialSettings.defaults());
            var settings = RestSettings.defaults(app.settings).withTokenMode(TokenMode.OPAQUE)
                    .withSocialProviders(PROVIDERS);
            try (var api = ApiServer.start(app, settings)) {
                app.github.accepts("tok", app.github.identity("1", "nia@example.com", true));

                Reply reply = api.post("/auth/github/").json("{\"access_token\": \"tok\", " + PROFILE + "}").send();

                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                assertThat(keys(reply.json())).containsExactly("key");
                Reply list = api.get("/auth/socialaccounts/").header("Authorization", "Token " + reply.text("key")).send();
                assertThat(list.json()).hasSize(1);
            }
        }

        @Test
        void with_token_cookies_and_expiration_times_a_social_login_sets_them_as_login_does() {
            var app = new TestApp(EmailVerification.NONE);
            var settings = RestSettings.defaults(app.settings).withSocialProviders(PROVIDERS).withReturnExpiration(true)
                    .withCookies(io.portcullis.adapters.rest.settings.CookieSettings.named("app-auth", "app-refresh"));
            try (var api = ApiServer.start(app, settings)) {
                app.github.accepts("tok", app.github.identity("7", "pia@example.com", true));

                Reply social = api.post("/auth/github/").json("{\"access_token\": \"tok\", " + PROFILE + "}").send();
                Flows.registered(app, "quinn@example.com");
                Reply password = api.post("/auth/login/").json(Flows.loginJson("quinn@example.com", Flows.PASSWORD))
                        .send();

                assertThat(social.status()).as(social.body()).isEqualTo(200);
                assertThat(keys(social.json())).isEqualTo(keys(password.json())).contains("access_expiration");
                assertThat(social.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("app-auth="))
                        .anySatisfy(c -> assertThat(c).startsWith("app-refresh="));
                Reply list = api.get("/auth/socialaccounts/").cookie("app-auth=" + social.text("access")).send();
                assertThat(list.status()).isEqualTo(200);
                assertThat(list.json()).hasSize(1);
            }
        }

        @Test
        void auto_connect_on_links_an_account_whose_address_the_provider_verified() {
            var app = new TestApp(ArticleSetup.settings(EmailVerification.NONE, false), TokenSettings.simpleJwtDefaults(),
                    false, new SocialSettings(true, true));
            try (var api = ApiServer.start(app, RestSettings.defaults(app.settings).withSocialProviders(PROVIDERS))) {
                Account oli = Flows.registered(app, "oli@example.com");
                app.google.accepts("c", app.google.identity("g-oli", "oli@example.com", true));

                Reply reply = api.post("/auth/google/").json("{\"code\": \"c\"}").send();

                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                assertThat(reply.json().get("user").get("pk").asLong()).isEqualTo(oli.id().value());
            }
        }
    }

}
