package io.portcullis.application.settings;

/**
 * What social login may do on its own.
 *
 * @param autoSignup allauth's SOCIALACCOUNT_AUTO_SIGNUP: an identity linked to no account creates
 *     one; when off, such an identity is refused and its owner must register and then connect
 * @param autoConnect allauth's SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT: an identity whose
 *     address the provider asserts as verified is linked to the account with that address; when
 *     off (the default), its owner must log in to that account and connect
 */
public record SocialSettings(boolean autoSignup, boolean autoConnect) {

    /** allauth's defaults: sign-up on, auto-connect off. */
    public static SocialSettings defaults() {
        return new SocialSettings(true, false);
    }
}
