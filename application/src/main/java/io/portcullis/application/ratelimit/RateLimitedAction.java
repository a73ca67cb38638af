package io.portcullis.application.ratelimit;

import java.util.Locale;

/**
 * What the rate limits count. Each action has its own rules ({@link RateLimitSettings}); the
 * setting names follow django-allauth's {@code ACCOUNT_RATE_LIMITS} keys, hyphenated, where
 * allauth has the action.
 */
public enum RateLimitedAction {
    /** Failed logins, per client IP and per (account or login as typed, IP) pair; allauth's {@code login_failed}. */
    LOGIN_FAILED(true),
    /** Registrations, per IP; allauth's {@code signup}. */
    SIGNUP(false),
    /** Password-reset requests, per IP and per address as typed; allauth's {@code reset_password}. */
    RESET_PASSWORD(true),
    /** Confirmation mails sent again, per IP and per address as typed; allauth's {@code confirm_email}. */
    CONFIRM_EMAIL(true),
    /** Refresh-token exchanges, per IP; simplejwt has no limit of its own. */
    TOKEN_REFRESH(false);

    private final boolean keyed;

    RateLimitedAction(boolean keyed) {
        this.keyed = keyed;
    }

    /** Whether the action has a key besides the IP (an account or an address), so rules per key apply. */
    public boolean keyed() {
        return keyed;
    }

    /** The name in settings and in counters: {@code login-failed}. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
