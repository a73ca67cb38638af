package io.portcullis.adapters.rest.settings;

/** What a login hands out (dj-rest-auth's {@code USE_JWT}). */
public enum TokenMode {
    /** An access and a refresh JWT, {@code Authorization: Bearer}; token/refresh and token/verify exist. */
    JWT,
    /** One opaque key per session, {@code {"key": "..."}} and {@code Authorization: Token <key>}. */
    OPAQUE
}
