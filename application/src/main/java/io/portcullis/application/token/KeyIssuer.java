package io.portcullis.application.token;

import io.portcullis.application.port.KeyGenerator;
import io.portcullis.application.port.SessionStore;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionKey;
import java.time.Instant;

/**
 * Token mode: every login opens a session with a new random key (256 bits), of which only the
 * digest is stored. Unlike DRF's one token per user, each device has its own key, so logging out
 * on one leaves the others alone, and each shows in the list of sessions.
 */
public final class KeyIssuer implements SessionOpener {

    private final KeyGenerator keys;
    private final SessionStore sessions;

    public KeyIssuer(KeyGenerator keys, SessionStore sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @Override
    public OpaqueKey openSession(AccountId account, Instant now, ClientDetails client) {
        SessionKey key = new SessionKey(keys.newKey().value());
        sessions.openWithKey(account, now, client, key);
        return new OpaqueKey(key.value());
    }
}
