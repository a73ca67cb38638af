package io.portcullis.application.fakes;

import io.portcullis.application.port.ExternalIdentity;
import io.portcullis.application.port.IdentityProvider;
import io.portcullis.application.port.IdentityRejectedException;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.application.port.ProviderUnavailableException;
import io.portcullis.domain.account.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider for tests that vouches for the identities it was told about: {@link #accepts} maps a
 * code, an ID token or an access token to an identity, a code and an ID token may demand a nonce,
 * a code is good once, anything else is rejected, and {@link #goDown} makes it unreachable. It
 * records the proofs it was shown.
 */
public final class FakeIdentityProvider implements IdentityProvider {

    public static final String UNKNOWN_PROOF = "The provider did not accept the token.";
    public static final String WRONG_NONCE = "The ID token was issued for another nonce.";
    public static final String CODE_USED = "The authorization code is invalid or has been used.";

    private record Grant(ExternalIdentity identity, Optional<String> nonce) {}

    private final String id;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final List<ProviderProof> shown = new ArrayList<>();
    private volatile boolean down;

    public FakeIdentityProvider(String id) {
        this.id = id;
    }

    /** An identity with this subject, an address and whether the provider says it is verified. */
    public ExternalIdentity identity(String subject, String email, boolean verified) {
        return new ExternalIdentity(id, subject, Optional.ofNullable(email).map(EmailAddress::new),
                email != null && verified, Map.of("name", "Person " + subject));
    }

    /** {@code proof} (a code, an ID token or an access token) proves {@code identity}. */
    public FakeIdentityProvider accepts(String proof, ExternalIdentity identity) {
        grants.put(proof, new Grant(identity, Optional.empty()));
        return this;
    }

    /** {@code proof} proves {@code identity} when presented with this nonce. */
    public FakeIdentityProvider accepts(String proof, ExternalIdentity identity, String nonce) {
        grants.put(proof, new Grant(identity, Optional.of(nonce)));
        return this;
    }

    public void goDown() {
        down = true;
    }

    public synchronized List<ProviderProof> shown() {
        return List.copyOf(shown);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ExternalIdentity identify(ProviderProof proof) {
        synchronized (this) {
            shown.add(proof);
        }
        if (down) {
            throw new ProviderUnavailableException(id, "connection refused",
                    new java.net.ConnectException("connection refused"));
        }
        return switch (proof) {
            case ProviderProof.AuthorizationCode code -> {
                Grant grant = grants.remove(code.code());
                if (grant == null) {
                    throw new IdentityRejectedException(CODE_USED);
                }
                yield checked(grant, code.nonce());
            }
            case ProviderProof.IdToken token -> checked(granted(token.idToken()), token.nonce());
            case ProviderProof.AccessToken token -> granted(token.accessToken()).identity();
        };
    }

    private Grant granted(String proof) {
        Grant grant = grants.get(proof);
        if (grant == null) {
            throw new IdentityRejectedException(UNKNOWN_PROOF);
        }
        return grant;
    }

    private static ExternalIdentity checked(Grant grant, Optional<String> nonce) {
        if (grant.nonce().isPresent() && !grant.nonce().equals(nonce)) {
            throw new IdentityRejectedException(WRONG_NONCE);
        }
        return grant.identity();
    }
}
