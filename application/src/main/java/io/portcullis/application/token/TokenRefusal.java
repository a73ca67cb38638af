package io.portcullis.application.token;

/** Why a presented token was not accepted; the REST edge turns each into simplejwt's message. */
public enum TokenRefusal {
    /** The request carried no token where one was needed. */
    MISSING,
    /** Malformed, badly signed, expired, or unknown to the session store. */
    INVALID_OR_EXPIRED,
    /** An access token where a refresh token was expected, or the reverse. */
    WRONG_TYPE,
    /** Consumed before (rotation or logout), or its login was revoked. */
    BLACKLISTED,
    /** The token is sound but its account no longer exists. */
    ACCOUNT_NOT_FOUND,
    /** The token is sound but its account was deactivated. */
    ACCOUNT_INACTIVE
}
