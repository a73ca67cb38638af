package io.portcullis.application.settings;

/** Whether a new address must be confirmed (allauth's ACCOUNT_EMAIL_VERIFICATION). */
public enum EmailVerification {
    /** No confirmation mail; the account logs in at once. */
    NONE,
    /** A confirmation mail is sent, but login works before it is followed. */
    OPTIONAL,
    /** Login is refused until the address is confirmed. */
    MANDATORY
}
