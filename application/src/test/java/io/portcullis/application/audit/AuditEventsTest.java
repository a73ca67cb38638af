package io.portcullis.application.audit;

import static io.portcullis.domain.audit.AuthenticationEventType.ACCOUNT_CREATED;
import static io.portcullis.domain.audit.AuthenticationEventType.EMAIL_CONFIRMED;
import static io.portcullis.domain.audit.AuthenticationEventType.LOGGED_OUT;
import static io.portcullis.domain.audit.AuthenticationEventType.LOGIN_FAILED;
import static io.portcullis.domain.audit.AuthenticationEventType.LOGIN_SUCCEEDED;
import static io.portcullis.domain.audit.AuthenticationEventType.PASSWORD_CHANGED;
import static io.portcullis.domain.audit.AuthenticationEventType.PASSWORD_RESET;
import static io.portcullis.domain.audit.AuthenticationEventType.REFRESH_REUSE_DETECTED;
import static io.portcullis.domain.audit.AuthenticationEventType.SESSION_REVOKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.confirmation.ConfirmEmail;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.fixtures.Sessions;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.login.LogIn;
import io.portcullis.application.login.LogOut;
import io.portcullis.application.password.ChangePassword;
import io.portcullis.application.password.ConfirmPasswordReset;
import io.portcullis.application.password.RequestPasswordReset;
import io.portcullis.application.ratelimit.RateLimitExceededException;
import io.portcullis.application.ratelimit.RateLimitSettings;
import io.portcullis.application.ratelimit.RateLimitedAction;
import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.application.session.RevokeOtherSessions;
import io.portcullis.application.session.RevokeSession;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.EnumerationProtection;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.application.token.RefreshAccessToken;
import io.portcullis.application.token.TokenPair;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.audit.EventOutcome;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import io.portcullis.domain.validation.FieldInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every use case that changes or checks who is authenticated records what happened, with the
 * time of the use case's clock, the account, the client and a reason code; and what a client typed
 * as a secret never reaches the trail.
 */
class AuditEventsTest {

    private static final String PASSWORD = Sessions.PASSWORD;
    private static final String NEW_PASSWORD = "N3w-Passw0rd!x";
    private static final ClientDetails LAPTOP = ClientDetails.of("Mozilla/5.0 (Laptop)", "198.51.100.7");
    private static final ClientDetails PHONE = ClientDetails.of("Mozilla/5.0 (Phone)", "203.0.113.9");

    private final MailFlowSettings mail = new MailFlowSettings("example.com", "example.com",
            "http://127.0.0.1:8001/registration/account-confirm-email/{key}/",
            "http://127.0.0.1:8001/password/reset/confirm/{uid}/{token}/", Duration.ofDays(3), Duration.ofDays(3),
            false, true, true, List.of("en"), Map.of());
    private final UseCases app = new UseCases(ArticleSetup.settings(EmailVerification.MANDATORY, true),
            TokenSettings.simpleJwtDefaults(), mail);

    private Account register(String email) {
        var form = new RegisterAccount.Command(FieldInput.absent(), FieldInput.of(email), FieldInput.of(PASSWORD),
                FieldInput.of(PASSWORD), Map.of("gender", FieldInput.of("F"), "phone_number",
                FieldInput.of("+15550001111")), List.of(), LAPTOP);
        return ((RegisterAccount.Outcome.Registered) app.register.register(form)).account();
    }

    private LogIn.Outcome logIn(String email, String password, ClientDetails client) {
        return app.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.of(email), FieldInput.of(password),
                client));
    }

    private TokenPair loggedIn(String email, ClientDetails client) {
        return ((LogIn.Outcome.LoggedIn) logIn(email, PASSWORD, client)).tokens();
    }

    private Account confirmed(String email) {
        Account account = register(email);
        app.confirmEmail.confirm("key-" + app.keys.issued(), LAPTOP);
        app.audit.clear();
        return account;
    }

    private AuthenticationEvent only(AuthenticationEventType type) {
        assertThat(app.audit.ofType(type)).hasSize(1);
        return app.audit.ofType(type).get(0);
    }

    private static AuthenticationEvent expected(AuthenticationEventType type, Instant at, AccountId account,
            ClientDetails client) {
        return AuthenticationEvent.succeeded(type, at, account, client);
    }

    @Test
    void registration_records_the_new_account_and_its_client() {
        Instant now = app.clock.instant();
        Account alice = register("alice@example.com");

        assertThat(app.audit.events()).containsExactly(expected(ACCOUNT_CREATED, now, alice.id(), LAPTOP));
    }

    @Test
    void a_registration_that_opens_a_session_records_a_login_too() {
        var open = new UseCases(ArticleSetup.settings(EmailVerification.NONE, false), TokenSettings.simpleJwtDefaults());
        var form = new RegisterAccount.Command(FieldInput.absent(), FieldInput.of("ann@example.com"),
                FieldInput.of(PASSWORD), FieldInput.of(PASSWORD), Map.of("gender", FieldInput.of("F"), "phone_number",
                FieldInput.of("+15550001111")), List.of(), PHONE);

        Account ann = ((RegisterAccount.Outcome.Registered) open.register.register(form)).account();

        Instant now = open.clock.instant();
        assertThat(open.audit.events()).containsExactly(expected(ACCOUNT_CREATED, now, ann.id(), PHONE),
                expected(LOGIN_SUCCEEDED, now, ann.id(), PHONE));
    }

    @Test
    void a_registration_for_a_taken_address_under_enumeration_protection_names_its_owner() {
        var hidden = new UseCases(ArticleSetup.settings(EmailVerification.MANDATORY, false),
                TokenSettings.simpleJwtDefaults(), ArticleSetup.mail(), EnumerationProtection.ON);
        var form = new RegisterAccount.Command(FieldInput.absent(), FieldInput.of("ann@example.com"),
                FieldInput.of(PASSWORD), FieldInput.of(PASSWORD), Map.of("gender", FieldInput.of("F"), "phone_number",
                FieldInput.of("+15550001111")), List.of(), PHONE);
        Account ann = ((RegisterAccount.Outcome.Registered) hidden.register.register(form)).account();
        hidden.audit.clear();

        assertThat(hidden.register.register(form)).isEqualTo(new RegisterAccount.Outcome.OwnerNotified());

        assertThat(hidden.audit.events()).containsExactly(AuthenticationEvent.failed(ACCOUNT_CREATED,
                hidden.clock.instant(), Optional.of(ann.id()), PHONE, AuditReasons.ADDRESS_TAKEN));
    }

    @Test
    void a_rejected_registration_records_nothing() {
        var form = new RegisterAccount.Command(FieldInput.absent(), FieldInput.of("not-an-address"),
                FieldInput.of(PASSWORD), FieldInput.of(PASSWORD), Map.of());

        assertThat(app.register.register(form)).isInstanceOf(RegisterAccount.Outcome.Rejected.class);
        assertThat(app.audit.events()).isEmpty();
    }

    @Test
    void confirming_the_address_is_recorded_once() {
        Account alice = register("alice@example.com");
        app.clock.advance(Duration.ofMinutes(3));
        app.audit.clear();

        assertThat(app.confirmEmail.confirm(FieldInput.of("key-1"), PHONE))
                .isInstanceOf(ConfirmEmail.Outcome.Confirmed.class);
        assertThat(app.confirmEmail.confirm("key-1", PHONE)).isInstanceOf(ConfirmEmail.Outcome.NotFound.class);

        assertThat(app.audit.events()).containsExactly(
                expected(EMAIL_CONFIRMED, app.clock.instant(), alice.id(), PHONE));
    }

    @Test
    void a_login_records_its_success_with_the_client() {
        Account alice = confirmed("alice@example.com");

        loggedIn("alice@example.com", PHONE);

        assertThat(app.audit.events()).containsExactly(
                expected(LOGIN_SUCCEEDED, app.clock.instant(), alice.id(), PHONE));
    }

    @Test
    void each_failed_login_records_why_and_the_account_only_when_the_login_matched_one() {
        Account alice = confirmed("alice@example.com");
        Account bob = register("bob@example.com");
        Account carol = confirmed("carol@example.com");
        app.deactivate.deactivate(carol.id());
        app.audit.clear();

        logIn("alice@example.com", "wrong-" + PASSWORD, PHONE);
        logIn("nobody@example.com", PASSWORD, PHONE);
        logIn("bob@example.com", PASSWORD, PHONE);
        logIn("carol@example.com", PASSWORD, PHONE);
        app.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.absent(), FieldInput.of(PASSWORD), PHONE));
        app.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.of("alice@example.com"),
                FieldInput.nullValue(), PHONE));

        Instant now = app.clock.instant();
        assertThat(app.audit.events()).containsExactly(
                failedLogin(now, Optional.of(alice.id()), AuditReasons.WRONG_PASSWORD),
                failedLogin(now, Optional.empty(), AuditReasons.UNKNOWN_ACCOUNT),
                failedLogin(now, Optional.of(bob.id()), AuditReasons.NOT_VERIFIED),
                failedLogin(now, Optional.of(carol.id()), AuditReasons.INACTIVE),
                failedLogin(now, Optional.empty(), AuditReasons.INCOMPLETE),
                failedLogin(now, Optional.empty(), AuditReasons.INCOMPLETE));
    }

    private static AuthenticationEvent failedLogin(Instant at, Optional<AccountId> account, String reason) {
        return AuthenticationEvent.failed(LOGIN_FAILED, at, account, PHONE, reason);
    }

    @Test
    void logout_is_recorded_for_the_account_of_the_token() {
        Account alice = confirmed("alice@example.com");
        TokenPair tokens = loggedIn("alice@example.com", LAPTOP);
        app.audit.clear();
        app.clock.advance(Duration.ofSeconds(30));

        app.logOut.logOut(new LogOut.Command(FieldInput.of(tokens.refresh()), Optional.empty(), PHONE));
        app.logOut.logOut(new LogOut.Command(FieldInput.of(tokens.refresh()), Optional.empty(), PHONE));

        assertThat(app.audit.events()).containsExactly(expected(LOGGED_OUT, app.clock.instant(), alice.id(), PHONE));
    }

    @Test
    void a_refresh_token_used_twice_records_the_reuse_and_the_end_of_its_session() {
        Account alice = confirmed("alice@example.com");
        TokenPair tokens = loggedIn("alice@example.com", LAPTOP);
        var command = new RefreshAccessToken.Command(FieldInput.of(tokens.refresh()), Optional.empty(), PHONE);
        app.refresh.refresh(command);
        app.audit.clear();

        assertThat(app.refresh.refresh(command)).isInstanceOf(RefreshAccessToken.Outcome.Refused.class);

        Instant now = app.clock.instant();
        assertThat(app.audit.events()).containsExactly(
                AuthenticationEvent.failed(REFRESH_REUSE_DETECTED, now, Optional.of(alice.id()), PHONE,
                        AuditReasons.REFRESH_TOKEN_REUSED),
                expected(SESSION_REVOKED, now, alice.id(), PHONE).because(AuditReasons.REFRESH_TOKEN_REUSED));
    }

    @Test
    void a_password_change_records_the_change_and_with_logout_on_change_the_end_of_the_sessions() {
        Account alice = confirmed("alice@example.com");
        loggedIn("alice@example.com", LAPTOP);
        app.audit.clear();

        var wrong = new ChangePassword.Command(alice.id(), FieldInput.of("not-" + PASSWORD), FieldInput.of(NEW_PASSWORD),
                FieldInput.of(NEW_PASSWORD), List.of(), PHONE);
        assertThat(app.changePassword.change(wrong)).isInstanceOf(ChangePassword.Outcome.Rejected.class);
        var right = new ChangePassword.Command(alice.id(), FieldInput.of(PASSWORD), FieldInput.of(NEW_PASSWORD),
                FieldInput.of(NEW_PASSWORD), List.of(), PHONE);
        assertThat(app.changePassword.change(right)).isEqualTo(new ChangePassword.Outcome.Changed());

        Instant now = app.clock.instant();
        assertThat(app.audit.events()).containsExactly(
                AuthenticationEvent.failed(PASSWORD_CHANGED, now, Optional.of(alice.id()), PHONE,
                        AuditReasons.WRONG_PASSWORD),
                expected(PASSWORD_CHANGED, now, alice.id(), PHONE),
                expected(SESSION_REVOKED, now, alice.id(), PHONE).because(AuditReasons.PASSWORD_CHANGED));
    }

    @Test
    void a_password_reset_records_the_reset_and_with_logout_on_reset_the_end_of_the_sessions() {
        Account alice = confirmed("alice@example.com");
        app.requestReset.request(new RequestPasswordReset.Command(FieldInput.of("alice@example.com"), List.of()));
        String token = "key-" + app.keys.issued();
        app.audit.clear();

        var command = new ConfirmPasswordReset.Command(FieldInput.of(NEW_PASSWORD), FieldInput.of(NEW_PASSWORD),
                FieldInput.of(Long.toString(alice.id().value())), FieldInput.of(token), List.of(), PHONE);
        assertThat(app.confirmReset.confirm(command)).isEqualTo(new ConfirmPasswordReset.Outcome.Reset());
        assertThat(app.confirmReset.confirm(command)).isInstanceOf(ConfirmPasswordReset.Outcome.Rejected.class);

        Instant now = app.clock.instant();
        assertThat(app.audit.events()).containsExactly(
                expected(PASSWORD_RESET, now, alice.id(), PHONE),
                expected(SESSION_REVOKED, now, alice.id(), PHONE).because(AuditReasons.PASSWORD_RESET));
    }

    @Test
    void ending_sessions_records_one_event_per_session_ended() {
        Account alice = confirmed("alice@example.com");
        loggedIn("alice@example.com", LAPTOP);
        loggedIn("alice@example.com", LAPTOP);
        loggedIn("alice@example.com", PHONE);
        List<SessionId> sessions = app.listSessions.list(alice.id()).stream().map(s -> s.id()).toList();
        app.audit.clear();

        assertThat(app.revokeSession.revoke(new RevokeSession.Command(alice.id(), sessions.get(0).value(), PHONE)))
                .isInstanceOf(RevokeSession.Outcome.Revoked.class);
        assertThat(app.revokeSession.revoke(new RevokeSession.Command(alice.id(), sessions.get(0).value(), PHONE)))
                .isInstanceOf(RevokeSession.Outcome.NotFound.class);
        assertThat(app.revokeOtherSessions.revoke(new RevokeOtherSessions.Command(alice.id(), sessions.get(2), PHONE))
                .revoked()).isEqualTo(1);

        var revoked = expected(SESSION_REVOKED, app.clock.instant(), alice.id(), PHONE)
                .because(AuditReasons.REVOKED_BY_OWNER);
        assertThat(app.audit.events()).containsExactly(revoked, revoked);
    }

    @Test
    void a_token_mode_logout_is_recorded_as_a_logout() {
        Account alice = confirmed("alice@example.com");
        loggedIn("alice@example.com", LAPTOP);
        SessionId session = app.listSessions.list(alice.id()).get(0).id();
        app.audit.clear();

        app.revokeSession.logOut(new RevokeSession.Command(alice.id(), session.value(), PHONE));

        assertThat(app.audit.events()).containsExactly(expected(LOGGED_OUT, app.clock.instant(), alice.id(), PHONE));
    }

    @Test
    void every_refusal_by_a_rate_limit_is_recorded_with_its_client_and_action() {
        var limited = new UseCases(RateLimitSettings.defaults().with(RateLimitedAction.SIGNUP, "1/m/ip")
                .with(RateLimitedAction.LOGIN_FAILED, "2/m/ip"));
        var form = new RegisterAccount.Command(FieldInput.absent(), FieldInput.of("ann@example.com"),
                FieldInput.of(PASSWORD), FieldInput.of(PASSWORD), Map.of("gender", FieldInput.of("F"), "phone_number",
                FieldInput.of("+15550001111")), List.of(), PHONE);
        limited.register.register(form);
        assertThatThrownBy(() -> limited.register.register(form)).isInstanceOf(RateLimitExceededException.class);
        var guess = new LogIn.Command(FieldInput.absent(), FieldInput.of("ann@example.com"),
                FieldInput.of("guess-" + PASSWORD), PHONE);
        limited.logIn.logIn(guess);
        limited.logIn.logIn(guess);
        assertThatThrownBy(() -> limited.logIn.logIn(guess)).isInstanceOf(RateLimitExceededException.class);

        Instant now = limited.clock.instant();
        assertThat(limited.audit.ofType(AuthenticationEventType.RATE_LIMIT_HIT)).containsExactly(
                AuthenticationEvent.failed(AuthenticationEventType.RATE_LIMIT_HIT, now, Optional.empty(), PHONE,
                        "signup"),
                AuthenticationEvent.failed(AuthenticationEventType.RATE_LIMIT_HIT, now, Optional.empty(), PHONE,
                        "login_failed"));
        assertThat(limited.audit.events()).noneMatch(event -> event.toString().contains("guess-"));
    }

    @Test
    void deactivation_records_the_end_of_the_sessions_without_a_client() {
        Account alice = confirmed("alice@example.com");

        app.deactivate.deactivate(alice.id());

        assertThat(only(SESSION_REVOKED)).isEqualTo(expected(SESSION_REVOKED, app.clock.instant(), alice.id(),
                ClientDetails.unknown()).because(AuditReasons.ACCOUNT_DEACTIVATED));
    }

    @Test
    void no_event_of_a_whole_session_carries_a_password_token_or_key() {
        Account alice = register("alice@example.com");
        app.confirmEmail.confirm("key-1", LAPTOP);
        TokenPair tokens = loggedIn("alice@example.com", LAPTOP);
        logIn("alice@example.com", "typo-" + PASSWORD, LAPTOP);
        logIn(PASSWORD, PASSWORD, LAPTOP);
        var refreshed = (RefreshAccessToken.Outcome.Refreshed) app.refresh.refresh(
                new RefreshAccessToken.Command(FieldInput.of(tokens.refresh()), Optional.empty(), LAPTOP));
        app.refresh.refresh(new RefreshAccessToken.Command(FieldInput.of(tokens.refresh()), Optional.empty(), LAPTOP));
        app.changePassword.change(new ChangePassword.Command(alice.id(), FieldInput.of(PASSWORD),
                FieldInput.of(NEW_PASSWORD), FieldInput.of(NEW_PASSWORD), List.of(), LAPTOP));

        List<String> secrets = List.of(PASSWORD, NEW_PASSWORD, "typo-", "key-1", tokens.access(), tokens.refresh(),
                refreshed.tokens().access(), refreshed.tokens().refresh());
        assertThat(app.audit.events()).extracting(AuthenticationEvent::type).containsExactly(ACCOUNT_CREATED,
                EMAIL_CONFIRMED, LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_FAILED, REFRESH_REUSE_DETECTED, SESSION_REVOKED,
                PASSWORD_CHANGED, SESSION_REVOKED);
        assertThat(app.audit.events()).allSatisfy(event -> {
            assertThat(event.outcome()).isIn(EventOutcome.SUCCEEDED, EventOutcome.FAILED);
            for (String secret : secrets) {
                assertThat(event.toString()).doesNotContain(secret);
            }
        });
    }
}
