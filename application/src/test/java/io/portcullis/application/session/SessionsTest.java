package io.portcullis.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.fixtures.Sessions;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.login.LogIn;
import io.portcullis.application.token.AuthenticateAccessToken;
import io.portcullis.application.token.RefreshAccessToken;
import io.portcullis.application.token.TokenPair;
import io.portcullis.application.token.TokenRefusal;
import io.portcullis.application.user.DeactivateAccount;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.session.ActiveSession;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import io.portcullis.domain.validation.FieldInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every login is a session its owner can see and end; deactivation ends them all. */
class SessionsTest {

    static final ClientDetails LAPTOP = ClientDetails.of("Mozilla/5.0 Firefox/140.0", "203.0.113.7");
    static final ClientDetails PHONE = ClientDetails.of("Portcullis-App/2.1 (iPhone)", "198.51.100.23");

    final UseCases app = new UseCases();
    final Account alice = Sessions.register(app, "alice@example.com");

    TokenPair logIn(ClientDetails client) {
        var outcome = app.logIn.logIn(new LogIn.Command(FieldInput.absent(), FieldInput.of("alice@example.com"),
                FieldInput.of(Sessions.PASSWORD), client));
        return ((LogIn.Outcome.LoggedIn) outcome).tokens();
    }

    SessionId sessionOf(TokenPair tokens) {
        return app.codec.claimsOf(tokens.access()).session();
    }

    boolean works(TokenPair tokens) {
        return app.authenticate.authenticate(tokens.access()) instanceof AuthenticateAccessToken.Outcome.Authenticated;
    }

    @Test
    void aLoginOpensASessionRecordingWhenAndFromWhere() {
        Instant loggedInAt = app.clock.instant();
        TokenPair laptop = logIn(LAPTOP);

        assertThat(app.listSessions.list(alice.id())).contains(
                new ActiveSession(sessionOf(laptop), alice.id(), loggedInAt, loggedInAt, LAPTOP));
    }

    @Test
    void aRefreshMarksTheSessionUsedByWhoeverRefreshed() {
        TokenPair laptop = logIn(LAPTOP);
        app.clock.advance(Duration.ofMinutes(4));

        var refreshed = app.refresh.refresh(new RefreshAccessToken.Command(FieldInput.of(laptop.refresh()),
                Optional.empty(), PHONE));

        assertThat(refreshed).isInstanceOf(RefreshAccessToken.Outcome.Refreshed.class);
        ActiveSession session = app.listSessions.list(alice.id()).stream()
                .filter(s -> s.id().equals(sessionOf(laptop))).findFirst().orElseThrow();
        assertThat(session.lastUsedAt()).isEqualTo(app.clock.instant());
        assertThat(session.client()).isEqualTo(PHONE);
    }

    @Test
    void theListShowsTheMostRecentlyUsedFirstAndLeavesOutEndedSessions() {
        TokenPair first = logIn(LAPTOP);
        app.clock.advance(Duration.ofMinutes(1));
        TokenPair second = logIn(PHONE);
        app.clock.advance(Duration.ofMinutes(1));
        app.logOut.logOut(new io.portcullis.application.login.LogOut.Command(FieldInput.of(second.refresh()),
                Optional.empty()));

        assertThat(app.listSessions.list(alice.id())).extracting(ActiveSession::id)
                .contains(sessionOf(first)).doesNotContain(sessionOf(second));
    }

    @Test
    void sessionsExpireWithTheirRefreshTokens() {
        logIn(LAPTOP);
        app.clock.advance(app.tokenSettings.refreshLifetime());

        assertThat(app.listSessions.list(alice.id())).isEmpty();
    }

    @Test
    void revokingOneSessionStopsItsTokensAtOnceAndLeavesTheOthers() {
        TokenPair laptop = logIn(LAPTOP);
        TokenPair phone = logIn(PHONE);

        var outcome = app.revokeSession.revoke(new RevokeSession.Command(alice.id(), sessionOf(phone).value()));

        assertThat(outcome).isEqualTo(new RevokeSession.Outcome.Revoked(sessionOf(phone)));
        assertThat(works(phone)).isFalse();
        assertThat(app.refresh.refresh(new RefreshAccessToken.Command(FieldInput.of(phone.refresh()), Optional.empty())))
                .isEqualTo(new RefreshAccessToken.Outcome.Refused(TokenRefusal.BLACKLISTED));
        assertThat(works(laptop)).isTrue();
    }

    @Test
    void anotherAccountsSessionAnEndedOneAndNonsenseAreAllNotFound() {
        TokenPair laptop = logIn(LAPTOP);
        Account bob = Sessions.register(app, "bob@example.com");
        TokenPair bobs = Sessions.logIn(app, "bob@example.com", Sessions.PASSWORD);
        app.revokeSession.revoke(new RevokeSession.Command(alice.id(), sessionOf(laptop).value()));

        assertThat(app.revokeSession.revoke(new RevokeSession.Command(alice.id(), sessionOf(bobs).value())))
                .isEqualTo(new RevokeSession.Outcome.NotFound());
        assertThat(app.revokeSession.revoke(new RevokeSession.Command(alice.id(), sessionOf(laptop).value())))
                .isEqualTo(new RevokeSession.Outcome.NotFound());
        assertThat(app.revokeSession.revoke(new RevokeSession.Command(alice.id(), "")))
                .isEqualTo(new RevokeSession.Outcome.NotFound());
        assertThat(app.revokeSession.revoke(new RevokeSession.Command(alice.id(), "x".repeat(65))))
                .isEqualTo(new RevokeSession.Outcome.NotFound());
        assertThat(app.revokeSession.revoke(new RevokeSession.Command(alice.id(), null)))
                .isEqualTo(new RevokeSession.Outcome.NotFound());
        assertThat(works(bobs)).isTrue();
        assertThat(bob.id()).isNotEqualTo(alice.id());
    }

    @Test
    void revokingTheOthersKeepsTheCurrentSessionAlone() {
        TokenPair laptop = logIn(LAPTOP);
        TokenPair phone = logIn(PHONE);
        TokenPair tablet = logIn(PHONE);
        int before = app.listSessions.list(alice.id()).size();

        var revoked = app.revokeOtherSessions.revoke(new RevokeOtherSessions.Command(alice.id(), sessionOf(laptop)));

        assertThat(revoked.revoked()).isEqualTo(before - 1);
        assertThat(works(laptop)).isTrue();
        assertThat(works(phone)).isFalse();
        assertThat(works(tablet)).isFalse();
        assertThat(app.listSessions.list(alice.id())).extracting(ActiveSession::id).containsExactly(sessionOf(laptop));
    }

    @Test
    void aDeactivatedAccountLosesEverySessionAtOnce() {
        TokenPair laptop = logIn(LAPTOP);
        TokenPair phone = logIn(PHONE);

        var outcome = app.deactivate.deactivate(alice.id());

        assertThat(outcome).isInstanceOf(DeactivateAccount.Outcome.Deactivated.class);
        assertThat(((DeactivateAccount.Outcome.Deactivated) outcome).account().active()).isFalse();
        assertThat(app.listSessions.list(alice.id())).isEmpty();
        assertThat(app.sessions.isActive(sessionOf(laptop))).isFalse();
        assertThat(app.sessions.isActive(sessionOf(phone))).isFalse();
        assertThat(works(laptop)).isFalse();
        // Reactivating the account does not bring the sessions back.
        Account off = app.accounts.findById(alice.id()).orElseThrow();
        app.accounts.update(new Account(off.id(), off.username(), off.email(), off.emailVerified(), true,
                off.passwordHash(), off.profile(), off.createdAt(), off.lastLoginAt(), off.passwordChangedAt(),
                off.version() + 1));
        assertThat(works(phone)).isFalse();
    }

    @Test
    void deactivatingAnUnknownAccountFindsNothing() {
        assertThat(app.deactivate.deactivate(new io.portcullis.domain.account.AccountId(999_999)))
                .isEqualTo(new DeactivateAccount.Outcome.NotFound());
    }
}
