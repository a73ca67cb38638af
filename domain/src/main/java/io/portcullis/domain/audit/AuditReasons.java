package io.portcullis.domain.audit;

/** The reason codes the use cases give; a sink may meet others from extensions. */
public final class AuditReasons {

    /** Registration with enumeration protection: the address belongs to an account, whose owner was mailed. */
    public static final String ADDRESS_TAKEN = "address_taken";
    /** Login: no account has the login given. */
    public static final String UNKNOWN_ACCOUNT = "unknown_account";
    /** Login or password change: the password does not match. */
    public static final String WRONG_PASSWORD = "wrong_password";
    /** Login: the account is deactivated. */
    public static final String INACTIVE = "inactive";
    /** Login: the address must be confirmed first. */
    public static final String NOT_VERIFIED = "not_verified";
    /** Login: a field is missing or malformed. */
    public static final String INCOMPLETE = "incomplete";
    /** Refresh: a used refresh token came back. */
    public static final String REFRESH_TOKEN_REUSED = "refresh_token_reused";
    /** Session revoked: by its owner, from the list of sessions. */
    public static final String REVOKED_BY_OWNER = "revoked_by_owner";
    /** Session revoked: logout on password change. */
    public static final String PASSWORD_CHANGED = "password_changed";
    /** Session revoked: logout on password reset. */
    public static final String PASSWORD_RESET = "password_reset";
    /** Session revoked: the account was deactivated. */
    public static final String ACCOUNT_DEACTIVATED = "account_deactivated";

    /** Social login or connect: the provider did not vouch for the code or token. */
    public static final String PROVIDER_REFUSED = "provider_refused";
    /** Social login or connect: the provider could not be asked. */
    public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";
    /** Social login: no account is linked and sign-up through providers is closed. */
    public static final String SIGNUP_CLOSED = "signup_closed";
    /** Social login: a new account misses a required field. */
    public static final String SIGNUP_INCOMPLETE = "signup_incomplete";
    /** Social connect: the provider's account is linked to another account. */
    public static final String CONNECTED_ELSEWHERE = "connected_elsewhere";
    /** Social disconnect: the last way into an account without a usable password. */
    public static final String LAST_WAY_IN = "last_way_in";

    private AuditReasons() {}
}
