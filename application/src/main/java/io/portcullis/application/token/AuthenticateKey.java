package io.portcullis.application.token;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.SessionStore;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.session.ActiveSession;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.session.SessionId;
import io.portcullis.domain.session.SessionKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Token mode: turns the key of a request ({@code Authorization: Token <key>}) into the account it
 * speaks for, through the live session that holds the key's digest. The session is marked used at
 * most once a minute, so that reading stays a read.
 */
public final class AuthenticateKey {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    public sealed interface Outcome {
        record Authenticated(Account account, SessionId session) implements Outcome {}

        record Refused(TokenRefusal reason) implements Outcome {}
    }

    private final SessionStore sessions;
    private final AccountStore accounts;
    private final Clock clock;

    public AuthenticateKey(SessionStore sessions, AccountStore accounts, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Outcome authenticate(String key, ClientDetails client) {
        SessionKey sessionKey;
        try {
            sessionKey = new SessionKey(key);
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED);
        }
        Instant now = clock.instant();
        Optional<ActiveSession> session = sessions.findByKey(sessionKey, now);
        if (session.isEmpty()) {
            return new Outcome.Refused(TokenRefusal.INVALID_OR_EXPIRED);
        }
        Optional<Account> account = accounts.findById(session.get().account()).filter(Account::active);
        if (account.isEmpty()) {
            return new Outcome.Refused(TokenRefusal.ACCOUNT_INACTIVE);
        }
        if (!now.isBefore(session.get().lastUsedAt().plus(TOUCH_EVERY))) {
            sessions.touch(session.get().id(), now, client);
        }
        return new Outcome.Authenticated(account.get(), session.get().id());
    }
}
