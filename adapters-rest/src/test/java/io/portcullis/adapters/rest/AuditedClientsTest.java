package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.Flows.Tokens;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.adapters.rest.settings.TokenMode;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.port.StoreUnavailableException;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import io.portcullis.domain.session.ClientDetails;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint whose use case records an authentication event hands it the client of the
 * request: its User-Agent and the address the connection came from.
 */
class AuditedClientsTest {

    static final String AGENT = "Audit-Probe/1.0 (X11; Linux)";
    static final ClientDetails CLIENT = ClientDetails.of(AGENT, "127.0.0.1");

    private static AuthenticationEvent last(TestApp app, AuthenticationEventType type) {
        List<AuthenticationEvent> events = app.audit.ofType(type);
        assertThat(events).as("%s in %s", type, app.audit.events()).isNotEmpty();
        return events.getLast();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithJwts {

        private final TestApp app = new TestApp(EmailVerification.MANDATORY);
        private ApiServer api;
        private String email;
        private Account account;

        @BeforeAll
        void start() {
            api = ApiServer.start(app);
        }

        @AfterAll
        void stop() {
            api.close();
        }

        @BeforeEach
        void register() {
            email = Flows.uniqueEmail("audited");
            account = Flows.registered(app, email);
        }

        private Tokens logIn() {
            Reply reply = api.post("/auth/login/").header("User-Agent", AGENT)
                    .json(Flows.loginJson(email, Flows.PASSWORD)).send();
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return new Tokens(reply.text("access"), reply.text("refresh"));
        }

        private void assertLast(AuthenticationEventType type) {
            AuthenticationEvent event = last(app, type);
            assertThat(event.account()).contains(account.id());
            assertThat(event.client()).isEqualTo(CLIENT);
        }

        @Test
        void loginAndFailedLogin() {
            logIn();
            assertLast(AuthenticationEventType.LOGIN_SUCCEEDED);

            Reply refused = api.post("/auth/login/").header("User-Agent", AGENT)
                    .json(Flows.loginJson(email, "not-" + Flows.PASSWORD)).send();
            assertThat(refused.status()).isEqualTo(400);
            assertLast(AuthenticationEventType.LOGIN_FAILED);
        }

        @Test
        void logoutAndRefreshReuse() {
            Tokens tokens = logIn();
            Reply refreshed = api.post("/auth/token/refresh/").header("User-Agent", AGENT)
                    .json("{\"refresh\": \"" + tokens.refresh() + "\"}").send();
            assertThat(refreshed.status()).isEqualTo(200);
            Reply reused = api.post("/auth/token/refresh/").header("User-Agent", AGENT)
                    .json("{\"refresh\": \"" + tokens.refresh() + "\"}").send();
            assertThat(reused.status()).isEqualTo(401);
            assertLast(AuthenticationEventType.REFRESH_REUSE_DETECTED);

            Tokens second = logIn();
            Reply out = api.post("/auth/logout/").header("User-Agent", AGENT)
                    .json("{\"refresh\": \"" + second.refresh() + "\"}").send();
            assertThat(out.status()).isEqualTo(200);
            assertLast(AuthenticationEventType.LOGGED_OUT);
        }

        @Test
        void aBrokenAuditSinkFailsTheLoginWithA503AndAJsonBodyNeverSilently() {
            app.audit.failWith(new StoreUnavailableException("recording an audit event failed: unavailable", null));
            try {
                Reply refused = api.post("/auth/login/").header("User-Agent", AGENT)
                        .json(Flows.loginJson(email, Flows.PASSWORD)).send();

                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Content-Type")).startsWith("application/json");
                assertThat(refused.body()).isEqualTo(
                        "{\"detail\":\"The service is temporarily unavailable. Please retry shortly.\"}");
            } finally {
                app.audit.failWith(null);
            }
        }

        @Test
        void passwordChange() {
            Tokens tokens = logIn();
            Reply changed = api.post("/auth/password/change/").header("User-Agent", AGENT).bearer(tokens.access())
                    .json("{\"old_password\": \"" + Flows.PASSWORD + "\", \"new_password1\": \"Fresh-Pass-42!\","
                            + " \"new_password2\": \"Fresh-Pass-42!\"}").send();
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertLast(AuthenticationEventType.PASSWORD_CHANGED);
        }

        @Test
        void sessionRevokedAndOthersRevoked() {
            Tokens first = logIn();
            logIn();
            logIn();
            String other = null;
            for (var session : api.get("/auth/sessions/").bearer(first.access()).send().json()) {
                if (!session.get("current").asBoolean()) {
                    other = session.get("id").asText();
                }
            }

            assertThat(api.call("DELETE", "/auth/sessions/" + other + "/").header("User-Agent", AGENT)
                    .bearer(first.access()).send().status()).isEqualTo(204);
            assertLast(AuthenticationEventType.SESSION_REVOKED);
            app.audit.clear();
            assertThat(api.post("/auth/sessions/revoke-others/").header("User-Agent", AGENT).bearer(first.access())
                    .json("{}").send().status()).isEqualTo(200);
            assertLast(AuthenticationEventType.SESSION_REVOKED);
        }

        @Test
        void passwordResetByEitherEndpoint() {
            api.post("/auth/password/reset/").json("{\"email\": \"" + email + "\"}").send();
            OutgoingMail mail = Mailbox.last(app, MailKind.PASSWORD_RESET, email);
            Reply reset = api.post("/auth/password/reset/confirm/").header("User-Agent", AGENT)
                    .json(PasswordResetEndpointTest.confirmJson(mail.variables().get("uid"),
                            mail.variables().get("token"), "Fresh-Pass-42!", "Fresh-Pass-42!")).send();
            assertThat(reset.status()).as(reset.body()).isEqualTo(200);
            assertLast(AuthenticationEventType.PASSWORD_RESET);

            app.audit.clear();
            api.post("/auth/password/reset/").json("{\"email\": \"" + email + "\"}").send();
            mail = Mailbox.last(app, MailKind.PASSWORD_RESET, email);
            Reply byLink = api.post("/auth/password/reset/confirm/" + mail.variables().get("uid") + "/"
                    + mail.variables().get("token") + "/").header("User-Agent", AGENT)
                    .json("{\"new_password1\": \"Other-Pass-43!\", \"new_password2\": \"Other-Pass-43!\"}").send();
            assertThat(byLink.status()).as(byLink.body()).isEqualTo(200);
            assertLast(AuthenticationEventType.PASSWORD_RESET);
        }

        @Test
        void addressConfirmedByPostAndByLink() {
            String unverified = Flows.uniqueEmail("confirming");
            account = Flows.registeredUnverified(app, unverified);
            Reply verified = api.post("/auth/registration/verify-email/").header("User-Agent", AGENT)
                    .json("{\"key\": \"" + Mailbox.confirmationKey(app, unverified) + "\"}").send();
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            assertLast(AuthenticationEventType.EMAIL_CONFIRMED);

            app.audit.clear();
            String byLink = Flows.uniqueEmail("following");
            account = Flows.registeredUnverified(app, byLink);
            Reply followed = api.get("/auth/registration/account-confirm-email/" + Mailbox.confirmationKey(app, byLink)
                    + "/").header("User-Agent", AGENT).send();
            assertThat(followed.status()).isEqualTo(302);
            assertLast(AuthenticationEventType.EMAIL_CONFIRMED);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithOpaqueKeys {

        private final TestApp app = new TestApp(ArticleSetup.settings(EmailVerification.NONE, false),
                TokenSettings.simpleJwtDefaults(), true);
        private ApiServer api;

        @BeforeAll
        void start() {
            api = ApiServer.start(app, RestSettings.defaults(app.settings).withTokenMode(TokenMode.OPAQUE));
        }

        @AfterAll
        void stop() {
            api.close();
        }

        @Test
        void aKeyLogoutIsRecordedAsALogoutNotARevocation() {
            String email = Flows.uniqueEmail("keyed");
            Account account = Flows.registered(app, email);
            String key = api.post("/auth/login/").json(Flows.loginJson(email, Flows.PASSWORD)).send().text("key");
            app.audit.clear();

            Reply out = api.post("/auth/logout/").header("User-Agent", AGENT).header("Authorization", "Token " + key)
                    .send();

            assertThat(out.status()).isEqualTo(200);
            assertThat(app.audit.events()).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo(AuthenticationEventType.LOGGED_OUT);
                assertThat(event.account()).contains(account.id());
                assertThat(event.client()).isEqualTo(CLIENT);
            });
        }
    }
}
