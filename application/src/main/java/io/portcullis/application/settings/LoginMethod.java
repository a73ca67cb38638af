package io.portcullis.application.settings;

/** What a user types to log in (allauth's ACCOUNT_AUTHENTICATION_METHOD). */
public enum LoginMethod {
    USERNAME,
    EMAIL,
    USERNAME_EMAIL
}
