package io.portcullis.application.login;

import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TokenCodec;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.TokenClaims;
import io.portcullis.application.token.TokenRefusal;
import io.portcullis.domain.session.TokenType;
import io.portcullis.domain.validation.FieldInput;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Ends a login: blacklists its refresh token and revokes the session, so the access tokens of
 * that login stop working too.
 */
public final class LogOut {

    /**
     * The refresh token from the body or, when the body has none, from the refresh cookie.
     *
     * @param client who logs out, for the audit trail
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
        record LoggedOut() implements Outcome {}

        record Refused(TokenRefusal reason) implements Outcome {}
    }

    private final TokenCodec codec;
    private final SessionStore sessions;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final AuditTrail audit;

    public LogOut(TokenCodec codec, SessionStore sessions, TransactionRunner transactions, Clock clock,
            AuditTrail audit) {
        this.codec = codec;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    public Outcome logOut(Command command) {
        Optional<String> token = switch (command.refresh()) {
            case FieldInput.Text t -> Optional.of(t.value());
            case FieldInput.Absent a -> command.cookie().filter(c -> !c.isBlank());
            case FieldInput.Null n -> Optional.of("");
            case FieldInput.NotText n -> Optional.of("");
        };
        if (token.isEmpty()) {
            return new Outcome.Refused(TokenRefusal.MISSING);
        }
        Instant now = clock.instant();
        if (!(codec.decode(token.get(), now) instanceof TokenCodec.Decoded.Valid valid)) {
            return new Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED);
        }
        TokenClaims claims = valid.claims();
        if (claims.type() != TokenType.REFRESH) {
            return new Outcome.Refused(TokenRefusal.WRONG_TYPE);
        }
        return transactions.inTransaction(() -> switch (sessions.consume(claims.jti(), now)) {
            case CONSUMED -> {
                sessions.revoke(claims.session(), now);
                audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.LOGGED_OUT, now, claims.account(),
                        command.client()));
                yield new Outcome.LoggedOut();
            }
            case ALREADY_USED -> new Outcome.Refused(TokenRefusal.BLACKLISTED);
            case UNKNOWN -> new Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED);
        });
    }
}
