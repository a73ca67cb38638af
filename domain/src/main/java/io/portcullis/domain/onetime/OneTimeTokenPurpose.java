package io.portcullis.domain.onetime;

/** What a one-time token proves when it comes back. */
public enum OneTimeTokenPurpose {
    /** The holder reads mail sent to the address. */
    EMAIL_CONFIRMATION,
    /** The holder may choose a new password. */
    PASSWORD_RESET
}
