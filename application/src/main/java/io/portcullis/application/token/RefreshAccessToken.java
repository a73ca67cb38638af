package io.portcullis.application.token;

import io.portcullis.domain.session.TokenType;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.TokenClaims;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TokenCodec;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.ratelimit.RateLimitedAction;
import io.portcullis.application.ratelimit.RateLimits;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Exchanges a refresh token for a new access token and, with rotation, a new refresh token.
 * A refresh token presented a second time means it was copied: the whole login is revoked.
 */
public final class RefreshAccessToken {

    /**
     * The token from the body ({@code refresh}) or, failing that, from the refresh cookie.
     *
     * @param client who refreshes: the session is marked used now, by them
     */
    public record Command(FieldInput refresh, Optional<String> cookie, ClientDetails client) {

        public Command {
            java.util.Objects.requireNonNull(client, "client");
        }

        public Command(FieldInput refresh, Optional<String> cookie) {
            this(refresh, cookie, ClientDetails.unknown());
        }
    }

    public sealed interface Outcome {
        record Refreshed(TokenPair tokens) implements Outcome {}

        record Invalid(ValidationErrors errors) implements Outcome {}

        record Refused(TokenRefusal reason) implements Outcome {}
    }

    private final TokenCodec codec;
    private final SessionStore sessions;
    private final AccountStore accounts;
    private final TokenIssuer issuer;
    private final TokenSettings settings;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final RateLimits limits;
    private final AuditTrail audit;

    /** @param limits counts every refresh per client IP, before the token is read */
    public RefreshAccessToken(TokenCodec codec, SessionStore sessions, AccountStore accounts, TokenIssuer issuer,
            TokenSettings settings, TransactionRunner transactions, Clock clock, RateLimits limits,
            AuditTrail audit) {
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.codec = codec;
        this.sessions = sessions;
        this.accounts = accounts;
        this.issuer = issuer;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome refresh(Command command) {
        limits.consume(RateLimitedAction.TOKEN_REFRESH, command.client(), Optional.empty());
        return switch (new PresentedToken("refresh", command.refresh(), command.cookie()).read()) {
            case PresentedToken.Reading.Malformed m -> new Outcome.Invalid(m.errors());
            case PresentedToken.Reading.Missing m -> new Outcome.Refused(TokenRefusal.MISSING);
            case PresentedToken.Reading.Present p -> refresh(p.token(), command.client());
        };
    }

    private Outcome refresh(String token, ClientDetails client) {
        Instant now = clock.instant();
        if (!(codec.decode(token, now) instanceof TokenCodec.Decoded.Valid valid)) {
            return new Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED);
        }
        TokenClaims claims = valid.claims();
        if (claims.type() != TokenType.REFRESH) {
            return new Outcome.Refused(TokenRefusal.WRONG_TYPE);
        }
        return transactions.inTransaction(() -> {
            Outcome outcome = rotate(claims, token, now, client);
            if (outcome instanceof Outcome.Refreshed) {
                sessions.touch(claims.session(), now, client);
            }
            return outcome;
        });
    }

    private Outcome rotate(TokenClaims claims, String token, Instant now, ClientDetails client) {
        if (!sessions.isActive(claims.session())) {
            return new Outcome.Refused(TokenRefusal.BLACKLISTED);
        }
        if (accounts.findById(claims.account()).filter(a -> a.active()).isEmpty()) {
            return new Outcome.Refused(TokenRefusal.ACCOUNT_INACTIVE);
        }
        if (!settings.rotateRefreshTokens()) {
            if (sessions.isBlacklisted(claims.jti())) {
                return new Outcome.Refused(TokenRefusal.BLACKLISTED);
            }
            String access = issuer.issueAccess(claims.account(), claims.session(), now);
            return new Outcome.Refreshed(new TokenPair(access, token, issuer.accessExpiry(now), claims.expiresAt()));
        }
        if (settings.blacklistAfterRotation()) {
            switch (sessions.consume(claims.jti(), now)) {
                case CONSUMED -> { }
                case ALREADY_USED -> {
                    sessions.revoke(claims.session(), now);
                    audit.record(AuthenticationEvent.failed(AuthenticationEventType.REFRESH_REUSE_DETECTED, now,
                            Optional.of(claims.account()), client, AuditReasons.REFRESH_TOKEN_REUSED));
                    audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.SESSION_REVOKED, now,
                            claims.account(), client).because(AuditReasons.REFRESH_TOKEN_REUSED));
                    return new Outcome.Refused(TokenRefusal.BLACKLISTED);
                }
                case UNKNOWN -> {
                    return new Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED);
                }
            }
        } else if (sessions.isBlacklisted(claims.jti())) {
            return new Outcome.Refused(TokenRefusal.BLACKLISTED);
        }
        return new Outcome.Refreshed(issuer.issue(claims.account(), claims.session(), now));
    }
}
