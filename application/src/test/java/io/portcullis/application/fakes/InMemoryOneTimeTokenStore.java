package io.portcullis.application.fakes;

import io.portcullis.application.port.OneTimeTokenStore;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.onetime.OneTimeToken;
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link OneTimeTokenStore} in memory, for use-case tests. It behaves as the database adapter
 * does (see {@code OneTimeTokenStoreContract}): tokens are kept by digest and purpose, a token is
 * usable strictly before its expiry, and {@link #consume} is atomic. Thread-safe: every method
 * holds the store's lock.
 */
public class InMemoryOneTimeTokenStore implements OneTimeTokenStore {

    private record Key(String digest, OneTimeTokenPurpose purpose) {}

    private final Map<Key, OneTimeToken> tokens = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when a token with this digest and purpose is stored already */
    @Override
    public synchronized void save(OneTimeToken token) {
        Objects.requireNonNull(token, "token");
        Key key = new Key(token.digest(), token.purpose());
        if (tokens.containsKey(key)) {
            throw new IllegalArgumentException("one-time token saved twice");
        }
        tokens.put(key, token);
    }

    @Override
    public synchronized Optional<OneTimeToken> find(String digest, OneTimeTokenPurpose purpose) {
        return Optional.ofNullable(tokens.get(new Key(digest, purpose)));
    }

    @Override
    public synchronized boolean consume(String digest, OneTimeTokenPurpose purpose, Instant now) {
        Objects.requireNonNull(now, "now");
        Key key = new Key(digest, purpose);
        OneTimeToken token = tokens.get(key);
        if (token == null || !token.isUsableAt(now)) {
            return false;
        }
        tokens.put(key, used(token, now));
        return true;
    }

    @Override
    public synchronized void revokeAll(AccountId account, OneTimeTokenPurpose purpose, Instant now) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(now, "now");
        tokens.replaceAll((key, token) -> token.account().equals(account) && token.purpose() == purpose
                && token.isUsableAt(now) ? used(token, now) : token);
    }

    /** Every stored token in the order saved: for assertions. */
    public synchronized List<OneTimeToken> all() {
        return new ArrayList<>(tokens.values());
    }

    /** The tokens of an account with a purpose, in the order saved: for assertions. */
    public synchronized List<OneTimeToken> tokensOf(AccountId account, OneTimeTokenPurpose purpose) {
        List<OneTimeToken> found = new ArrayList<>();
        for (OneTimeToken token : tokens.values()) {
            if (token.account().equals(account) && token.purpose() == purpose) {
                found.add(token);
            }
        }
        return found;
    }

    /** The tokens of an account with a purpose that are usable at {@code now}: for assertions. */
    public synchronized List<OneTimeToken> usableOf(AccountId account, OneTimeTokenPurpose purpose, Instant now) {
        return tokensOf(account, purpose).stream().filter(t -> t.isUsableAt(now)).toList();
    }

    private static OneTimeToken used(OneTimeToken token, Instant now) {
        return new OneTimeToken(token.digest(), token.purpose(), token.account(), token.email(),
                token.createdAt(), token.expiresAt(), Optional.of(now));
    }
}
