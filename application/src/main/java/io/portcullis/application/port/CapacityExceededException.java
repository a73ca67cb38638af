package io.portcullis.application.port;

/** A bounded resource (such as the password hashing pool) is full; the caller should retry shortly. */
public final class CapacityExceededException extends RuntimeException {

    public CapacityExceededException(String what) {
        super(what + " is at capacity");
    }
}
