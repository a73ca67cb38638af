package io.portcullis.application.session;

import io.portcullis.application.port.SessionStore;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ActiveSession;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** The logins of an account that still work, the most recently used first, for its owner to review. */
public final class ListSessions {

    private final SessionStore sessions;
    private final Clock clock;

    public ListSessions(SessionStore sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public List<ActiveSession> list(AccountId account) {
        Objects.requireNonNull(account, "account");
        return sessions.activeSessions(account, clock.instant());
    }
}
