package io.portcullis.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.confirmation.ResendConfirmation;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.login.LogIn;
import io.portcullis.application.password.RequestPasswordReset;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.application.registration.RegisterAccount;
import io.portcullis.application.social.SocialLogIn;
import io.portcullis.application.token.RefreshAccessToken;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.validation.FieldInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each limit reached, its Retry-After, and its reset once the window has passed, on a clock moved by hand. */
class RateLimitedUseCasesTest {

    private static final String PASSWORD = "Xq7!vLp2#Rt9";
    private static final ClientDetails ATTACKER = ClientDetails.of("curl", "203.0.113.9");
    private static final ClientDetails OWNER = ClientDetails.of("Firefox", "198.51.100.20");

    private final UseCases app = new UseCases(RateLimitSettings.defaults());

    private void register(String email) {
        var form = new RegisterAccount.Command(FieldInput.absent(), FieldInput.of(email), FieldInput.of(PASSWORD),
                FieldInput.of(PASSWORD), Map.of("gender", FieldInput.of("F"), "phone_number", FieldInput.of("+1")),
                List.of(), ClientDetails.of("setup", "192.0.2." + Math.floorMod(email.hashCode(), 250)));
        assertThat(app.register.register(form)).isInstanceOf(RegisterAccount.Outcome.Registered.class);
    }

    private LogIn.Outcome logIn(String email, String password, ClientDetails client) {
        return app.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.of(email), FieldInput.of(password),
                client));
    }

    private static RateLimitExceededException refusal(Executable call) {
        try {
            call.execute();
        } catch (RateLimitExceededException e) {
            return e;
        } catch (Throwable e) {
            throw new AssertionError("expected a rate-limit refusal, got " + e, e);
        }
        throw new AssertionError("expected a rate-limit refusal, the call went through");
    }

    // ------------------------------------------------------------------ login

    @Test
    void a_guessing_loop_is_held_back_per_account_and_ip_while_the_owner_logs_in_from_elsewhere() {
        register("alice@example.com");
        for (int i = 0; i < 5; i++) {
            assertThat(logIn("alice@example.com", "guess-" + i, ATTACKER)).isInstanceOf(LogIn.Outcome.Rejected.class);
            app.clock.advance(Duration.ofSeconds(10));
        }
        int checks = app.hasher.checks();

        var refused = refusal(() -> logIn("alice@example.com", PASSWORD, ATTACKER));

        assertThat(refused.action()).isEqualTo(RateLimitedAction.LOGIN_FAILED);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(5).minusSeconds(50));
        assertThat(app.hasher.checks()).as("a refused login costs no hash").isEqualTo(checks);
        assertThat(logIn("alice@example.com", PASSWORD, OWNER)).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        refusal(() -> logIn("ALICE@example.com", "another-guess", ATTACKER));
    }

    @Test
    void the_address_in_another_case_is_the_same_account() {
        register("bob@example.com");
        for (int i = 0; i < 5; i++) {
            logIn(i % 2 == 0 ? "BOB@example.com" : "bob@EXAMPLE.com", "guess-" + i, ATTACKER);
        }
        refusal(() -> logIn("bob@example.com", "guess", ATTACKER));
    }

    @Test
    void an_unknown_login_is_held_back_like_a_known_one() {
        for (int i = 0; i < 5; i++) {
            logIn("nobody@example.com", "guess-" + i, ATTACKER);
        }
        assertThat(refusal(() -> logIn("Nobody@example.com", "guess", ATTACKER)).retryAfter())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void the_pair_is_free_again_when_its_window_has_passed() {
        register("carol@example.com");
        for (int i = 0; i < 5; i++) {
            logIn("carol@example.com", "guess-" + i, ATTACKER);
        }
        app.clock.advance(Duration.ofMinutes(5).minusMillis(1));
        refusal(() -> logIn("carol@example.com", PASSWORD, ATTACKER));
        app.clock.advance(Duration.ofMillis(1));

        assertThat(logIn("carol@example.com", PASSWORD, ATTACKER)).isInstanceOf(LogIn.Outcome.LoggedIn.class);
    }

    @Test
    void each_breach_within_a_day_doubles_the_backoff_up_to_the_maximum() {
        register("dave@example.com");
        List<Duration> waits = new java.util.ArrayList<>();
        for (int breach = 0; breach < 6; breach++) {
            for (int i = 0; i < 5; i++) {
                assertThat(logIn("dave@example.com", "guess-" + i, ATTACKER)).isInstanceOf(LogIn.Outcome.Rejected.class);
            }
            Duration wait = refusal(() -> logIn("dave@example.com", "guess", ATTACKER)).retryAfter();
            waits.add(wait);
            app.clock.advance(wait);
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ofMinutes(40), Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void a_success_from_the_ip_forgets_its_failures_and_its_backoff() {
        register("erin@example.com");
        for (int i = 0; i < 5; i++) {
            logIn("erin@example.com", "typo-" + i, OWNER);
        }
        app.clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 4; i++) {
            logIn("erin@example.com", "typo-" + i, OWNER);
        }
        assertThat(logIn("erin@example.com", PASSWORD, OWNER)).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        // Past the limit of failures per IP (10 a minute), which a success does not clear.
        app.clock.advance(Duration.ofMinutes(1));

        for (int i = 0; i < 4; i++) {
            assertThat(logIn("erin@example.com", "typo-" + i, OWNER)).isInstanceOf(LogIn.Outcome.Rejected.class);
        }
        assertThat(logIn("erin@example.com", PASSWORD, OWNER)).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        app.clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            logIn("erin@example.com", "typo-" + i, OWNER);
        }
        assertThat(refusal(() -> logIn("erin@example.com", PASSWORD, OWNER)).retryAfter())
                .as("the first breach again, not the second").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void ten_failures_a_minute_hold_back_an_ip_whatever_the_accounts() {
        register("frank@example.com");
        for (int i = 0; i < 10; i++) {
            logIn("victim" + i + "@example.com", "guess", ATTACKER);
        }
        app.clock.advance(Duration.ofSeconds(15));

        var refused = refusal(() -> logIn("frank@example.com", PASSWORD, ATTACKER));

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(logIn("frank@example.com", PASSWORD, OWNER)).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        app.clock.advance(Duration.ofSeconds(45));
        assertThat(logIn("frank@example.com", PASSWORD, ATTACKER)).isInstanceOf(LogIn.Outcome.LoggedIn.class);
    }

    @Test
    void successful_logins_are_not_counted() {
        register("gina@example.com");
        for (int i = 0; i < 30; i++) {
            assertThat(logIn("gina@example.com", PASSWORD, OWNER)).isInstanceOf(LogIn.Outcome.LoggedIn.class);
        }
        for (String bucket : List.of("login-failed/0", "login-failed/1", "login-failed/breaches", "login-failed/backoff")) {
            assertThat(app.rateLimitCounters.keysOf(bucket)).as("a plain successful login writes no counter").isEmpty();
        }
    }

    @Test
    void a_success_after_failures_leaves_no_counter_of_the_pair() {
        register("hugo@example.com");
        logIn("hugo@example.com", "typo", OWNER);
        assertThat(app.rateLimitCounters.keysOf("login-failed/1")).hasSize(1);

        logIn("hugo@example.com", PASSWORD, OWNER);

        assertThat(app.rateLimitCounters.keysOf("login-failed/1")).isEmpty();
        assertThat(app.rateLimitCounters.keysOf("login-failed/0")).as("the IP's failures stay").hasSize(1);
    }

    // ------------------------------------------------------------------ registration

    private RegisterAccount.Outcome signUp(String email, ClientDetails client) {
        return app.register.register(new RegisterAccount.Command(FieldInput.absent(), FieldInput.of(email),
                FieldInput.of(PASSWORD), FieldInput.of(PASSWORD),
                Map.of("gender", FieldInput.of("F"), "phone_number", FieldInput.of("+1")), List.of(), client));
    }

    @Test
    void twenty_registrations_a_minute_per_ip_valid_or_not() {
        for (int i = 0; i < 10; i++) {
            assertThat(signUp("user" + i + "@example.com", ATTACKER))
                    .isInstanceOf(RegisterAccount.Outcome.Registered.class);
            assertThat(signUp("not-an-address", ATTACKER)).isInstanceOf(RegisterAccount.Outcome.Rejected.class);
        }
        app.clock.advance(Duration.ofSeconds(20));
        int hashes = app.hasher.hashes();

        var refused = refusal(() -> signUp("late@example.com", ATTACKER));

        assertThat(refused.action()).isEqualTo(RateLimitedAction.SIGNUP);
        assertThat(refused.retryAfterSeconds()).isEqualTo(40);
        assertThat(app.hasher.hashes()).isEqualTo(hashes);
        assertThat(signUp("other@example.com", OWNER)).isInstanceOf(RegisterAccount.Outcome.Registered.class);
        app.clock.advance(Duration.ofSeconds(40));
        assertThat(signUp("late@example.com", ATTACKER)).isInstanceOf(RegisterAccount.Outcome.Registered.class);
    }

    // ------------------------------------------------------------------ social login

    private SocialLogIn.Outcome socialLogIn(String code, ClientDetails client) {
        return app.socialLogIn.logIn(new SocialLogIn.Command("google",
                new ProviderProof.AuthorizationCode(code, Optional.of("https://app.example.com/cb"), Optional.empty(),
                        Optional.empty()),
                FieldInput.absent(), Map.of("gender", FieldInput.of("F"), "phone_number", FieldInput.of("+1")),
                List.of(), client));
    }

    @Test
    void refused_social_proofs_hold_back_the_provider_and_ip_pair_before_the_provider_is_asked_again() {
        for (int i = 0; i < 5; i++) {
            assertThat(socialLogIn("forged-" + i, ATTACKER)).isInstanceOf(SocialLogIn.Outcome.Rejected.class);
        }
        int asked = app.google.shown().size();

        var refused = refusal(() -> socialLogIn("forged-5", ATTACKER));

        assertThat(refused.action()).isEqualTo(RateLimitedAction.LOGIN_FAILED);
        assertThat(app.google.shown()).as("the provider is not asked").hasSize(asked);
        app.google.accepts("good", app.google.identity("g-1", "owner@example.com", true));
        assertThat(socialLogIn("good", OWNER)).isInstanceOf(SocialLogIn.Outcome.LoggedIn.class);
    }

    @Test
    void social_sign_ups_count_against_the_registration_limit() {
        for (int i = 0; i < 20; i++) {
            app.google.accepts("code-" + i, app.google.identity("g-" + i, "user" + i + "@example.com", true));
            assertThat(socialLogIn("code-" + i, ATTACKER)).isInstanceOf(SocialLogIn.Outcome.LoggedIn.class);
        }
        app.google.accepts("code-20", app.google.identity("g-20", "user20@example.com", true));

        var refused = refusal(() -> socialLogIn("code-20", ATTACKER));

        assertThat(refused.action()).isEqualTo(RateLimitedAction.SIGNUP);
        app.google.accepts("again-0", app.google.identity("g-0", "user0@example.com", true));
        assertThat(socialLogIn("again-0", ATTACKER)).as("a linked identity only logs in")
                .isInstanceOf(SocialLogIn.Outcome.LoggedIn.class);
    }

    // ------------------------------------------------------------------ password reset

    private RequestPasswordReset.Outcome reset(String email, ClientDetails client) {
        return app.requestReset.request(new RequestPasswordReset.Command(FieldInput.of(email), List.of(), client));
    }

    @Test
    void five_resets_a_minute_per_address_known_or_not_alike() {
        register("hank@example.com");
        for (int i = 0; i < 5; i++) {
            ClientDetails client = ClientDetails.of("x", "203.0.113." + (i + 1));
            assertThat(reset("hank@example.com", client)).isInstanceOf(RequestPasswordReset.Outcome.Accepted.class);
            assertThat(reset("ghost@example.com", client)).isInstanceOf(RequestPasswordReset.Outcome.Accepted.class);
        }
        int mails = app.outbox.all().size();
        app.clock.advance(Duration.ofSeconds(30));

        var known = refusal(() -> reset("HANK@example.com", OWNER));
        var unknown = refusal(() -> reset("ghost@example.com", OWNER));

        assertThat(known.retryAfter()).isEqualTo(unknown.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(known.action()).isEqualTo(unknown.action()).isEqualTo(RateLimitedAction.RESET_PASSWORD);
        assertThat(app.outbox.all()).hasSize(mails);
        app.clock.advance(Duration.ofSeconds(30));
        assertThat(reset("hank@example.com", OWNER)).isInstanceOf(RequestPasswordReset.Outcome.Accepted.class);
        assertThat(app.outbox.all()).hasSize(mails + 1);
    }

    @Test
    void twenty_resets_a_minute_per_ip_whatever_the_addresses() {
        for (int i = 0; i < 20; i++) {
            reset("someone" + i + "@example.com", ATTACKER);
        }
        assertThat(refusal(() -> reset("someone-else@example.com", ATTACKER)).retryAfter())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(reset("someone-else@example.com", OWNER)).isInstanceOf(RequestPasswordReset.Outcome.Accepted.class);
    }

    @Test
    void an_invalid_address_is_answered_before_it_is_counted() {
        for (int i = 0; i < 30; i++) {
            assertThat(reset("not an address", ATTACKER)).isInstanceOf(RequestPasswordReset.Outcome.Invalid.class);
        }
        assertThat(app.rateLimitCounters.size()).isZero();
    }

    @Test
    void counters_hold_digests_never_addresses_or_ips() {
        reset("private@example.com", ATTACKER);

        assertThat(app.rateLimitCounters.keysOf("reset-password/1")).singleElement().satisfies(key -> {
            assertThat(key).matches("[0-9a-f]{64}").doesNotContain("private");
        });
        assertThat(app.rateLimitCounters.keysOf("reset-password/0")).singleElement()
                .satisfies(key -> assertThat(key).matches("[0-9a-f]{64}"));
    }

    // ------------------------------------------------------------------ confirmation resend

    private ResendConfirmation.Outcome resend(String email, ClientDetails client) {
        return app.resendConfirmation.resend(new ResendConfirmation.Command(FieldInput.of(email), List.of(), client));
    }

    @Test
    void one_resend_per_address_every_three_minutes_known_or_not_alike() {
        register("ivy@example.com");
        assertThat(resend("ivy@example.com", OWNER)).isInstanceOf(ResendConfirmation.Outcome.Accepted.class);
        assertThat(resend("ghost@example.com", OWNER)).isInstanceOf(ResendConfirmation.Outcome.Accepted.class);
        app.clock.advance(Duration.ofMinutes(1));

        var known = refusal(() -> resend("ivy@example.com", ATTACKER));
        var unknown = refusal(() -> resend("Ghost@example.com", ATTACKER));

        assertThat(known.retryAfter()).isEqualTo(unknown.retryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(known.action()).isEqualTo(RateLimitedAction.CONFIRM_EMAIL);
        app.clock.advance(Duration.ofMinutes(2));
        assertThat(resend("ivy@example.com", OWNER)).isInstanceOf(ResendConfirmation.Outcome.Accepted.class);
    }

    @Test
    void ten_resends_a_minute_per_ip_whatever_the_addresses() {
        for (int i = 0; i < 10; i++) {
            resend("someone" + i + "@example.com", ATTACKER);
        }
        refusal(() -> resend("someone-else@example.com", ATTACKER));
        assertThat(resend("another@example.com", OWNER)).isInstanceOf(ResendConfirmation.Outcome.Accepted.class);
    }

    // ------------------------------------------------------------------ token refresh

    @Test
    void refreshes_are_limited_per_ip() {
        var limited = new UseCases(RateLimitSettings.defaults().with(RateLimitedAction.TOKEN_REFRESH, "3/m/ip"));
        var command = new RefreshAccessToken.Command(FieldInput.of("not-a-token"), Optional.empty(), ATTACKER);
        for (int i = 0; i < 3; i++) {
            assertThat(limited.refresh.refresh(command)).isInstanceOf(RefreshAccessToken.Outcome.Refused.class);
        }
        assertThatThrownBy(() -> limited.refresh.refresh(command)).isInstanceOfSatisfying(
                RateLimitExceededException.class, e -> assertThat(e.action()).isEqualTo(RateLimitedAction.TOKEN_REFRESH));
        assertThat(limited.refresh.refresh(new RefreshAccessToken.Command(FieldInput.of("x"), Optional.empty(), OWNER)))
                .isInstanceOf(RefreshAccessToken.Outcome.Refused.class);
        limited.clock.advance(Duration.ofMinutes(1));
        assertThat(limited.refresh.refresh(command)).isInstanceOf(RefreshAccessToken.Outcome.Refused.class);
    }

    // ------------------------------------------------------------------ switches

    @Test
    void an_action_switched_off_or_all_limits_off_count_nothing() {
        var noResendLimit = new UseCases(RateLimitSettings.defaults().with(RateLimitedAction.CONFIRM_EMAIL, "off"));
        var allOff = new UseCases(RateLimitSettings.off());
        for (int i = 0; i < 30; i++) {
            assertThat(noResendLimit.resendConfirmation.resend(new ResendConfirmation.Command(
                    FieldInput.of("a@example.com"), List.of(), ATTACKER)))
                    .isInstanceOf(ResendConfirmation.Outcome.Accepted.class);
            assertThat(allOff.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.of("a@example.com"),
                    FieldInput.of("guess"), ATTACKER))).isInstanceOf(LogIn.Outcome.Rejected.class);
        }
        assertThat(noResendLimit.rateLimitCounters.size()).isZero();
        assertThat(allOff.rateLimitCounters.size()).isZero();
    }

    @Test
    void a_client_of_unknown_address_is_limited_by_key_rules_alone() {
        for (int i = 0; i < 5; i++) {
            logIn("zed@example.com", "guess", ClientDetails.unknown());
        }
        refusal(() -> logIn("zed@example.com", "guess", ClientDetails.unknown()));
        for (int i = 0; i < 25; i++) {
            signUp("anon" + i + "@example.com", ClientDetails.unknown());
        }
    }
}
