package io.portcullis.adapters.rest.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The security context of a request authenticated by an access token. */
record AccountSecurityContext(AccountPrincipal principal, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
