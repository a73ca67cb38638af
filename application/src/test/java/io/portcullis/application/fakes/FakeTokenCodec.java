package io.portcullis.application.fakes;

import io.portcullis.application.port.TokenCodec;
import io.portcullis.domain.session.TokenClaims;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens as opaque random strings that map to their claims in memory: unforgeable for the
 * test's purposes, and expiring at their {@code expiresAt} like signed tokens do.
 */
public final class FakeTokenCodec implements TokenCodec {

    private final Map<String, TokenClaims> issued = new ConcurrentHashMap<>();

    @Override
    public String encode(TokenClaims claims) {
        String token = "tok-" + UUID.randomUUID();
        issued.put(token, claims);
        return token;
    }

    @Override
    public Decoded decode(String token, Instant now) {
        TokenClaims claims = issued.get(token);
        if (claims == null) {
            return new Decoded.Invalid("unknown token");
        }
        if (!now.isBefore(claims.expiresAt())) {
            return new Decoded.Invalid("expired");
        }
        return new Decoded.Valid(claims);
    }

    @Override
    public String newTokenId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public TokenClaims claimsOf(String token) {
        return issued.get(token);
    }
}
