package io.portcullis.application.port;

/** Someone changed the record between our read and our write; the write was refused. */
public final class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String what) {
        super(what + " was changed by another request");
    }
}
