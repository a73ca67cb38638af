package io.portcullis.adapters.rest.auth;

import io.portcullis.domain.account.Account;
import io.portcullis.domain.session.SessionId;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The account an access token or a session key speaks for, as read when the request was
 * authenticated, and the session (the login) it belongs to.
 */
public record AccountPrincipal(Account account, SessionId session) implements Principal {

    @Override
    public String getName() {
        return account.id().toString();
    }

    /** The principal the filter put into a request guarded by {@link Authenticated}. */
    public static AccountPrincipal of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof AccountPrincipal principal) {
            return principal;
        }
        throw new IllegalStateException("the endpoint is not guarded by @Authenticated");
    }
}
