package io.portcullis.application.port;

/** A provider identity is already linked: {@code (provider, uid)} is unique. */
public final class DuplicateSocialAccountException extends RuntimeException {

    public DuplicateSocialAccountException(String provider) {
        super("an identity at " + provider + " is already linked");
    }
}
