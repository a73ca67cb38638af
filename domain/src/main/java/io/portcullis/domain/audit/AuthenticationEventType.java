package io.portcullis.domain.audit;

import java.util.Locale;

/** What happened, as the audit trail names it. */
public enum AuthenticationEventType {
    ACCOUNT_CREATED,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGGED_OUT,
    /** A refresh token came back after it had been used: it was copied, and its session ends. */
    REFRESH_REUSE_DETECTED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    EMAIL_CONFIRMED,
    SESSION_REVOKED,
    /** A social provider's account was linked to an account (connect, or the first social login). */
    SOCIAL_ACCOUNT_CONNECTED,
    /** A social provider's account was unlinked from its account. */
    SOCIAL_ACCOUNT_DISCONNECTED,
    /** A request was refused because its client, address or account exceeded a rate limit. */
    RATE_LIMIT_HIT;

    /** The lowercase name stored and logged: {@code login_failed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuthenticationEventType fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
