package io.portcullis.application.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.ratelimit.RateLimits;
import io.portcullis.application.fakes.DirectTransactionRunner;
import io.portcullis.application.fakes.FakePasswordHasher;
import io.portcullis.application.fakes.InMemoryAccountStore;
import io.portcullis.application.fakes.InMemorySessionStore;
import io.portcullis.application.fakes.MutableClock;
import io.portcullis.application.fakes.SequentialKeyGenerator;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.login.LogIn;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.session.RevokeSession;
import io.portcullis.application.user.DeactivateAccount;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.Profile;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionKey;
import io.portcullis.domain.validation.FieldInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Token mode: a login's session key, stored as a digest, authenticating until the session ends. */
class OpaqueKeysTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T03:32:18Z"));
    final InMemoryAccountStore accounts = new InMemoryAccountStore();
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final FakePasswordHasher hasher = new FakePasswordHasher();
    final DirectTransactionRunner tx = new DirectTransactionRunner();
    final LogIn logIn = new LogIn(accounts, hasher, new KeyIssuer(new SequentialKeyGenerator(), sessions),
            ArticleSetup.settings(), tx, clock, RateLimits.unlimited(), AuditTrail.none());
    final AuthenticateKey authenticate = new AuthenticateKey(sessions, accounts, clock);
    final Account alice = accounts.add(new NewAccount(Optional.empty(),
            Optional.of(new EmailAddress("alice@example.com")), true, hasher.hash("Xq7!vLp2#Rt9"),
            new Profile(Map.of("gender", "F", "phone_number", "+15550001111")), clock.instant()));

    OpaqueKey logIn(ClientDetails client) {
        var outcome = (LogIn.Outcome.LoggedIn) logIn.logIn(new LogIn.Command(FieldInput.absent(),
                FieldInput.of("alice@example.com"), FieldInput.of("Xq7!vLp2#Rt9"), client));
        return (OpaqueKey) outcome.credentials();
    }

    @Test
    void aLoginHandsOutAKeyAndStoresOnlyItsDigest() {
        OpaqueKey key = logIn(ClientDetails.unknown());

        assertThat(sessions.keyDigests()).containsExactly(new SessionKey(key.key()).digest())
                .doesNotContain(key.key());
        assertThat(key.toString()).doesNotContain(key.key());
    }

    @Test
    void theKeyAuthenticatesEachLoginSeparately() {
        OpaqueKey laptop = logIn(ClientDetails.of("Firefox", "203.0.113.7"));
        OpaqueKey phone = logIn(ClientDetails.of("App", "198.51.100.1"));

        var first = (AuthenticateKey.Outcome.Authenticated) authenticate.authenticate(laptop.key(), ClientDetails.unknown());
        var second = (AuthenticateKey.Outcome.Authenticated) authenticate.authenticate(phone.key(), ClientDetails.unknown());

        assertThat(first.account().id()).isEqualTo(alice.id());
        assertThat(first.session()).isNotEqualTo(second.session());
        assertThat(authenticate.authenticate("not-a-key", ClientDetails.unknown()))
                .isEqualTo(new AuthenticateKey.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
        assertThat(authenticate.authenticate("", ClientDetails.unknown()))
                .isEqualTo(new AuthenticateKey.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
    }

    @Test
    void useMarksTheSessionAtMostOnceAMinute() {
        Instant loggedIn = clock.instant();
        OpaqueKey key = logIn(ClientDetails.of("Firefox", "203.0.113.7"));

        clock.advance(Duration.ofSeconds(59));
        authenticate.authenticate(key.key(), ClientDetails.of("Firefox", "203.0.113.8"));
        assertThat(sessions.activeSessions(alice.id(), clock.instant()).getFirst().lastUsedAt()).isEqualTo(loggedIn);

        clock.advance(Duration.ofSeconds(1));
        authenticate.authenticate(key.key(), ClientDetails.of("Firefox", "203.0.113.8"));
        var session = sessions.activeSessions(alice.id(), clock.instant()).getFirst();
        assertThat(session.lastUsedAt()).isEqualTo(clock.instant());
        assertThat(session.client().ipAddress()).contains("203.0.113.8");
    }

    @Test
    void aRevokedSessionOrADeactivatedAccountEndsTheKey() {
        OpaqueKey laptop = logIn(ClientDetails.unknown());
        OpaqueKey phone = logIn(ClientDetails.unknown());
        var session = ((AuthenticateKey.Outcome.Authenticated) authenticate.authenticate(laptop.key(),
                ClientDetails.unknown())).session();

        new RevokeSession(sessions, tx, clock, AuditTrail.none()).revoke(new RevokeSession.Command(alice.id(), session.value()));
        assertThat(authenticate.authenticate(laptop.key(), ClientDetails.unknown()))
                .isEqualTo(new AuthenticateKey.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
        assertThat(authenticate.authenticate(phone.key(), ClientDetails.unknown()))
                .isInstanceOf(AuthenticateKey.Outcome.Authenticated.class);

        new DeactivateAccount(accounts, sessions, tx, clock, AuditTrail.none()).deactivate(alice.id());
        assertThat(authenticate.authenticate(phone.key(), ClientDetails.unknown()))
                .isEqualTo(new AuthenticateKey.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
    }

    @Test
    void anInactiveAccountIsRefusedAsSuch() {
        OpaqueKey key = logIn(ClientDetails.unknown());
        accounts.update(accounts.findById(alice.id()).orElseThrow().deactivated());

        assertThat(authenticate.authenticate(key.key(), ClientDetails.unknown()))
                .isEqualTo(new AuthenticateKey.Outcome.Refused(TokenRefusal.ACCOUNT_INACTIVE));
    }
}
