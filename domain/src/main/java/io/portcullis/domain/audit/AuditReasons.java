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

    private AuditReasons() {}
}
