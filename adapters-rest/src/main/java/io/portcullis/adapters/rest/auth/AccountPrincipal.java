package io.portcullis.adapters.rest.auth;

import io.portcullis.domain.session.TokenClaims;
import io.portcullis.domain.account.Account;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The account an access token speaks for, as read when the request was authenticated. */
public record AccountPrincipal(Account account, TokenClaims claims) implements Principal {

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
