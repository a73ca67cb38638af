package io.portcullis.application.token;

import io.portcullis.domain.session.TokenType;
import io.portcullis.domain.session.TokenClaims;
import io.portcullis.application.port.SessionStore;
import io.portcullis.application.port.TokenCodec;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.TextField;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.util.Optional;

/** Tells a client whether a token of either type is still good. */
public final class VerifyToken {

    public sealed interface Outcome {
        record Valid() implements Outcome {}

        /** Field errors, or the token is blacklisted (reported as a non-field error, like simplejwt). */
        record Invalid(ValidationErrors errors) implements Outcome {}

        record Refused(TokenRefusal reason) implements Outcome {}
    }

    static final String BLACKLISTED = "Token is blacklisted";

    private final TokenCodec codec;
    private final SessionStore sessions;
    private final Clock clock;

    public VerifyToken(TokenCodec codec, SessionStore sessions, Clock clock) {
        this.codec = codec;
        this.sessions = sessions;
        this.clock = clock;
    }

    public Outcome verify(FieldInput tokenInput) {
        var errors = ValidationErrors.builder();
        Optional<String> token = TextField.required().read("token", tokenInput, errors);
        if (token.isEmpty()) {
            return new Outcome.Invalid(errors.build());
        }
        if (!(codec.decode(token.get(), clock.instant()) instanceof TokenCodec.Decoded.Valid valid)) {
            return new Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED);
        }
        TokenClaims claims = valid.claims();
        boolean blacklisted = (claims.type() == TokenType.REFRESH && sessions.isBlacklisted(claims.jti()))
                || !sessions.isActive(claims.session());
        return blacklisted ? new Outcome.Invalid(ValidationErrors.nonField(BLACKLISTED)) : new Outcome.Valid();
    }
}
