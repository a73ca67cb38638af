package io.portcullis.application.port;

/**
 * A driven port's backing service (the database, in practice) cannot be reached right now. The
 * request may succeed when retried; nothing of it was written.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
