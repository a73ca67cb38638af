package io.portcullis.adapters.persistence;

import java.util.Optional;

/**
 * A database operation failed for a reason the ports do not name (a constraint the ports do not
 * speak of, a deadlock, a schema mismatch, bad stored data). A database that cannot be reached or
 * does not answer in time is not this but the port's {@code StoreUnavailableException} (see
 * {@code SqlFailures}). The message names the operation and the SQLState, and never
 * carries the statement's parameter values: driver messages may quote them (addresses, hashes),
 * so they are not copied here. The driver's exception is logged at DEBUG by this adapter's
 * logger {@code io.portcullis.adapters.persistence.sql}, which operators should treat as sensitive.
 */
public final class PersistenceFailureException extends RuntimeException {

    private final String operation;
    private final String sqlState;
    private final boolean transientFailure;

    PersistenceFailureException(String operation, String detail, String sqlState, boolean transientFailure,
            Throwable cause) {
        super(operation + " failed: " + detail, cause);
        this.operation = operation;
        this.sqlState = sqlState;
        this.transientFailure = transientFailure;
    }

    /** What the adapter was doing, such as {@code "finding an account by e-mail"}. */
    public String operation() {
        return operation;
    }

    /** The SQLState of the driver's exception, when there was one. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /**
     * True when retrying later may succeed: a transaction rolled back by the database, such as a
     * deadlock or a serialization failure (SQLState class 40), or another transient exception of
     * the driver that is not about the connection.
     */
    public boolean isTransient() {
        return transientFailure;
    }
}
