package io.portcullis.application.port;

/** The provider did not vouch for the presented proof; the message says why, fit for the client. */
public final class IdentityRejectedException extends RuntimeException {

    public IdentityRejectedException(String reason) {
        super(reason);
    }
}
