package io.portcullis.application.port;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of its writes happen, or none. */
public interface TransactionRunner {

    /** Commits when {@code work} returns, rolls back when it throws, and rethrows. */
    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
