package io.portcullis.application.token;

import io.portcullis.domain.session.TokenType;
import io.portcullis.domain.session.TokenClaims;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TokenCodec;
import io.portcullis.domain.account.Account;
import java.time.Clock;

/** Turns the access token of a request into the account it speaks for. */
public final class AuthenticateAccessToken {

    /** The outcome of authenticating one request. */
    public sealed interface Outcome {
        record Authenticated(Account account, TokenClaims claims) implements Outcome {}

        record Refused(TokenRefusal reason) implements Outcome {}
    }

    private final TokenCodec codec;
    private final SessionStore sessions;
    private final AccountStore accounts;
    private final Clock clock;

    public AuthenticateAccessToken(TokenCodec codec, SessionStore sessions, AccountStore accounts, Clock clock) {
        this.codec = codec;
        this.sessions = sessions;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Outcome authenticate(String accessToken) {
        if (!(codec.decode(accessToken, clock.instant()) instanceof TokenCodec.Decoded.Valid valid)) {
            return new Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED);
        }
        TokenClaims claims = valid.claims();
        if (claims.type() != TokenType.ACCESS) {
            return new Outcome.Refused(TokenRefusal.WRONG_TYPE);
        }
        if (!sessions.isActive(claims.session())) {
            return new Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED);
        }
        return accounts.findById(claims.account())
                .<Outcome>map(account -> account.active()
                        ? new Outcome.Authenticated(account, claims)
                        : new Outcome.Refused(TokenRefusal.ACCOUNT_INACTIVE))
                .orElseGet(() -> new Outcome.Refused(TokenRefusal.ACCOUNT_NOT_FOUND));
    }
}
