package io.portcullis.application.port;

import io.portcullis.domain.session.TokenClaims;
import java.time.Instant;

/** Encodes token claims into signed strings and reads them back, checking signature and expiry. */
public interface TokenCodec {

    String encode(TokenClaims claims);

    /** The result of reading a token string. */
    sealed interface Decoded {
        record Valid(TokenClaims claims) implements Decoded {}

        /** Malformed, badly signed, of a refused algorithm, or expired. */
        record Invalid(String reason) implements Decoded {}
    }

    Decoded decode(String token, Instant now);

    /** A fresh random token id ({@code jti}). */
    String newTokenId();
}
