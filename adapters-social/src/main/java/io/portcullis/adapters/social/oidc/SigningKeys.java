package io.portcullis.adapters.social.oidc;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import io.portcullis.adapters.social.http.ProviderAnswer;
import io.portcullis.adapters.social.http.ProviderHttp;
import io.portcullis.application.port.ProviderUnavailableException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The provider's published signing keys (its JWK set), fetched on first use and kept. A token that
 * names a key the set lacks makes it fetch the set again, since providers rotate keys, but not more
 * than once per {@link #REFETCH_INTERVAL}, so tokens with made-up key ids cannot make Portcullis
 * hammer the provider. Once a day the set is fetched again anyway, so a withdrawn key stops counting;
 * while that fails, the keys at hand are kept and the fetch is tried again every refetch interval.
 */
final class SigningKeys {

    static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
    static final Duration KEPT_FOR = Duration.ofDays(1);
    private static final String CALL = "JWK set";

    private final ProviderHttp http;
    private final Clock clock;
    private JWKSet keys;
    private URI fetchedFrom;
    private Instant fetchedAt = Instant.MIN;
    private Instant refreshDue = Instant.MIN;

    SigningKeys(ProviderHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** The published keys that may have signed a token with this header; empty when none may. */
    synchronized List<JWK> candidates(URI jwksUri, JWSHeader header) {
        Instant now = clock.instant();
        if (keys == null || !jwksUri.equals(fetchedFrom)) {
            fetch(jwksUri, now);
        } else if (!now.isBefore(refreshDue)) {
            try {
                fetch(jwksUri, now);
            } catch (ProviderUnavailableException e) {
                // The keys at hand are better than none while the provider is away.
                refreshDue = now.plus(REFETCH_INTERVAL);
            }
        }
        List<JWK> found = matching(header);
        if (found.isEmpty() && !now.isBefore(fetchedAt.plus(REFETCH_INTERVAL))) {
            fetch(jwksUri, now);
            found = matching(header);
        }
        return found;
    }

    private List<JWK> matching(JWSHeader header) {
        KeyType type = KeyType.forAlgorithm(header.getAlgorithm());
        String kid = header.getKeyID();
        return keys.getKeys().stream()
                .filter(key -> key.getKeyType().equals(type))
                .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                .filter(key -> key.getAlgorithm() == null || key.getAlgorithm().equals(header.getAlgorithm()))
                .filter(key -> kid == null || kid.equals(key.getKeyID()))
                .toList();
    }

    private void fetch(URI jwksUri, Instant now) {
        ProviderAnswer answer = http.send(http.request(jwksUri).header("Accept", "application/json").GET().build(), CALL);
        if (!answer.isSuccess()) {
            throw answer.unexpected();
        }
        try {
            keys = JWKSet.parse(answer.body()).toPublicJWKSet();
        } catch (ParseException e) {
            throw answer.notProtocol("a JWK set");
        }
        fetchedFrom = jwksUri;
        fetchedAt = now;
        refreshDue = now.plus(KEPT_FOR);
    }
}
