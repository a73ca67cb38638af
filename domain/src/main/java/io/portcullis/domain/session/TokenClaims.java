package io.portcullis.domain.session;

import io.portcullis.domain.account.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a token says: its type, whose it is, which login issued it, its id and its validity.
 * The session id lets every token of one login be revoked together.
 */
public record TokenClaims(
        TokenType type, AccountId account, SessionId session, String jti, Instant issuedAt, Instant expiresAt) {

    public TokenClaims {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
