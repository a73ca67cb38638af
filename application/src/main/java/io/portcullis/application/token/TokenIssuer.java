package io.portcullis.application.token;

import io.portcullis.domain.session.TokenType;
import io.portcullis.domain.session.TokenClaims;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TokenCodec;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import java.time.Instant;

/** Mints the access and refresh tokens of a session and records the refresh token for rotation. */
public final class TokenIssuer implements SessionOpener {

    private final TokenCodec codec;
    private final SessionStore sessions;
    private final TokenSettings settings;

    public TokenIssuer(TokenCodec codec, SessionStore sessions, TokenSettings settings) {
        this.codec = codec;
        this.sessions = sessions;
        this.settings = settings;
    }

    /** Starts a session for a fresh login by this client and issues its first pair. Call inside a transaction. */
    @Override
    public TokenPair openSession(AccountId account, Instant now, ClientDetails client) {
        return issue(account, sessions.open(account, now, client), now);
    }

    /** {@link #openSession(AccountId, Instant, ClientDetails)} with nothing known of the client. */
    public TokenPair openSession(AccountId account, Instant now) {
        return openSession(account, now, ClientDetails.unknown());
    }

    /** Issues a pair within an existing session. Call inside a transaction. */
    public TokenPair issue(AccountId account, SessionId session, Instant now) {
        Instant refreshExpiry = now.plus(settings.refreshLifetime());
        String refreshJti = codec.newTokenId();
        String refresh = codec.encode(
                new TokenClaims(TokenType.REFRESH, account, session, refreshJti, now, refreshExpiry));
        sessions.recordRefreshToken(refreshJti, session, account, refreshExpiry);
        return new TokenPair(issueAccess(account, session, now), refresh, accessExpiry(now), refreshExpiry);
    }

    /** A new access token alone, for refreshing without rotation. */
    public String issueAccess(AccountId account, SessionId session, Instant now) {
        return codec.encode(
                new TokenClaims(TokenType.ACCESS, account, session, codec.newTokenId(), now, accessExpiry(now)));
    }

    public Instant accessExpiry(Instant now) {
        return now.plus(settings.accessLifetime());
    }
}
