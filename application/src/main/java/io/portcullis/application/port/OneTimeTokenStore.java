package io.portcullis.application.port;

import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.onetime.OneTimeToken;
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import java.time.Instant;
import java.util.Optional;

/** Confirmation keys and reset tokens, stored by the digest of their key. */
public interface OneTimeTokenStore {

    void save(OneTimeToken token);

    /** The token with this digest and purpose, used or not, expired or not. */
    Optional<OneTimeToken> find(String digest, OneTimeTokenPurpose purpose);

    /**
     * Marks the token used if it is still usable at {@code now}. Of two concurrent calls, one
     * alone gets true.
     */
    boolean consume(String digest, OneTimeTokenPurpose purpose, Instant now);

    /** Marks every usable token of the account with this purpose as used. */
    void revokeAll(AccountId account, OneTimeTokenPurpose purpose, Instant now);
}
