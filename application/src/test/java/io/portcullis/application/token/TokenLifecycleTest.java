package io.portcullis.application.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.fixtures.Sessions;
import io.portcullis.application.fixtures.UseCases;
import io.portcullis.application.login.LogOut;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authentication, refresh with rotation and reuse detection, verification and logout. */
class TokenLifecycleTest {

    private final UseCases app = new UseCases();
    private Account alice;
    private TokenPair tokens;

    @BeforeEach
    void logIn() {
        alice = Sessions.register(app, "alice@example.com");
        tokens = Sessions.logIn(app, "alice@example.com", Sessions.PASSWORD);
    }

    private RefreshAccessToken.Outcome refresh(String token) {
        return app.refresh.refresh(new RefreshAccessToken.Command(FieldInput.of(token), Optional.empty()));
    }

    private AuthenticateAccessToken.Outcome authenticate(String token) {
        return app.authenticate.authenticate(token);
    }

    @Test
    void anAccessTokenAuthenticatesItsAccount() {
        var outcome = (AuthenticateAccessToken.Outcome.Authenticated) authenticate(tokens.access());
        assertThat(outcome.account().id()).isEqualTo(alice.id());
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        assertThat(authenticate(tokens.refresh()))
                .isEqualTo(new AuthenticateAccessToken.Outcome.Refused(TokenRefusal.WRONG_TYPE));
        assertThat(authenticate("garbage"))
                .isEqualTo(new AuthenticateAccessToken.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
    }

    @Test
    void accessTokensExpireAfterTheirLifetime() {
        app.clock.advance(Duration.ofMinutes(5));
        assertThat(authenticate(tokens.access()))
                .isEqualTo(new AuthenticateAccessToken.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
    }

    @Test
    void refreshRotatesAndTheOldTokenIsBlacklisted() {
        var refreshed = (RefreshAccessToken.Outcome.Refreshed) refresh(tokens.refresh());
        assertThat(refreshed.tokens().refresh()).isNotEqualTo(tokens.refresh());
        assertThat(refreshed.tokens().accessExpiresAt()).isEqualTo(app.clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(refreshed.tokens().refreshExpiresAt()).isEqualTo(app.clock.instant().plus(Duration.ofDays(1)));
        assertThat(authenticate(refreshed.tokens().access()))
                .isInstanceOf(AuthenticateAccessToken.Outcome.Authenticated.class);
        assertThat(app.verify.verify(FieldInput.of(tokens.refresh())))
                .isEqualTo(new VerifyToken.Outcome.Invalid(ValidationErrors.nonField("Token is blacklisted")));
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeLogin() {
        var refreshed = (RefreshAccessToken.Outcome.Refreshed) refresh(tokens.refresh());
        assertThat(refresh(tokens.refresh())).isEqualTo(new RefreshAccessToken.Outcome.Refused(TokenRefusal.BLACKLISTED));
        assertThat(refresh(refreshed.tokens().refresh()))
                .isEqualTo(new RefreshAccessToken.Outcome.Refused(TokenRefusal.BLACKLISTED));
        assertThat(authenticate(refreshed.tokens().access()))
                .isEqualTo(new AuthenticateAccessToken.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
    }

    @Test
    void reuseInOneLoginLeavesOtherLoginsAlone() {
        TokenPair other = Sessions.logIn(app, "alice@example.com", Sessions.PASSWORD);
        refresh(tokens.refresh());
        refresh(tokens.refresh());
        assertThat(refresh(other.refresh())).isInstanceOf(RefreshAccessToken.Outcome.Refreshed.class);
    }

    @Test
    void refreshRefusalsAreTyped() {
        assertThat(refresh(tokens.access())).isEqualTo(new RefreshAccessToken.Outcome.Refused(TokenRefusal.WRONG_TYPE));
        assertThat(refresh("garbage")).isEqualTo(new RefreshAccessToken.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
        assertThat(app.refresh.refresh(new RefreshAccessToken.Command(FieldInput.absent(), Optional.empty())))
                .isEqualTo(new RefreshAccessToken.Outcome.Refused(TokenRefusal.MISSING));
        assertThat(refresh("")).isEqualTo(new RefreshAccessToken.Outcome.Invalid(
                ValidationErrors.of("refresh", "This field may not be blank.")));
        app.clock.advance(Duration.ofDays(1));
        assertThat(refresh(tokens.refresh()))
                .isEqualTo(new RefreshAccessToken.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
    }

    @Test
    void theCookieStandsInForAnAbsentBodyField() {
        var fromCookie = app.refresh.refresh(
                new RefreshAccessToken.Command(FieldInput.absent(), Optional.of(tokens.refresh())));
        assertThat(fromCookie).isInstanceOf(RefreshAccessToken.Outcome.Refreshed.class);
    }

    @Test
    void withoutRotationTheRefreshTokenStaysTheSame() {
        var plain = new UseCases(app.settings, new TokenSettings(Duration.ofMinutes(5), Duration.ofDays(1), false, false));
        Sessions.register(plain, "bob@example.com");
        TokenPair pair = Sessions.logIn(plain, "bob@example.com", Sessions.PASSWORD);
        var refreshed = (RefreshAccessToken.Outcome.Refreshed) plain.refresh.refresh(
                new RefreshAccessToken.Command(FieldInput.of(pair.refresh()), Optional.empty()));
        assertThat(refreshed.tokens().refresh()).isEqualTo(pair.refresh());
        assertThat(refreshed.tokens().access()).isNotEqualTo(pair.access());
    }

    @Test
    void verifyAcceptsBothTypesAndNamesProblems() {
        assertThat(app.verify.verify(FieldInput.of(tokens.access()))).isEqualTo(new VerifyToken.Outcome.Valid());
        assertThat(app.verify.verify(FieldInput.of(tokens.refresh()))).isEqualTo(new VerifyToken.Outcome.Valid());
        assertThat(app.verify.verify(FieldInput.of("garbage")))
                .isEqualTo(new VerifyToken.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
        assertThat(app.verify.verify(FieldInput.absent())).isEqualTo(new VerifyToken.Outcome.Invalid(
                ValidationErrors.of("token", "This field is required.")));
    }

    @Test
    void logoutEndsTheLoginAndCannotBeRepeated() {
        var logout = new LogOut.Command(FieldInput.of(tokens.refresh()), Optional.empty());
        assertThat(app.logOut.logOut(logout)).isEqualTo(new LogOut.Outcome.LoggedOut());
        assertThat(app.logOut.logOut(logout)).isEqualTo(new LogOut.Outcome.Refused(TokenRefusal.BLACKLISTED));
        assertThat(authenticate(tokens.access()))
                .isEqualTo(new AuthenticateAccessToken.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
        assertThat(refresh(tokens.refresh())).isInstanceOf(RefreshAccessToken.Outcome.Refused.class);
    }

    @Test
    void logoutRefusalsAreTyped() {
        assertThat(app.logOut.logOut(new LogOut.Command(FieldInput.absent(), Optional.empty())))
                .isEqualTo(new LogOut.Outcome.Refused(TokenRefusal.MISSING));
        assertThat(app.logOut.logOut(new LogOut.Command(FieldInput.of("garbage"), Optional.empty())))
                .isEqualTo(new LogOut.Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED));
        assertThat(app.logOut.logOut(new LogOut.Command(FieldInput.of(tokens.access()), Optional.empty())))
                .isEqualTo(new LogOut.Outcome.Refused(TokenRefusal.WRONG_TYPE));
        assertThat(app.logOut.logOut(new LogOut.Command(FieldInput.absent(), Optional.of(tokens.refresh()))))
                .isEqualTo(new LogOut.Outcome.LoggedOut());
    }

    @Test
    void aDeactivatedAccountLosesAccess() {
        app.accounts.update(app.accounts.findById(alice.id()).get().deactivated());
        assertThat(authenticate(tokens.access()))
                .isEqualTo(new AuthenticateAccessToken.Outcome.Refused(TokenRefusal.ACCOUNT_INACTIVE));
        assertThat(refresh(tokens.refresh())).isInstanceOf(RefreshAccessToken.Outcome.Refused.class);
    }

    @Test
    void errorsMapsStayOrdered() {
        assertThat(ValidationErrors.of("a", "1").byField()).containsExactly(Map.entry("a", List.of("1")));
    }
}
