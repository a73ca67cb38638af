package io.portcullis.application.token;

import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.session.ClientDetails;
import java.time.Instant;

/** Starts the session of a login or a registration and makes its credentials: JWTs or an opaque key. */
public interface SessionOpener {

    /** Call inside a transaction. */
    Credentials openSession(AccountId account, Instant now, ClientDetails client);
}
