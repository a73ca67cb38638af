package io.portcullis.application.fakes;

import io.portcullis.application.port.TransactionRunner;
import java.util.function.Supplier;

/**
 * A {@link TransactionRunner} for use-case tests: it runs the work and nothing else. The fakes
 * keep writes made before a failure (there is no rollback); a test that needs atomicity belongs
 * with the database adapter. It counts the outermost transactions and knows whether the current
 * thread is inside one, so a test can check that a use case ran its writes in a transaction.
 */
public class DirectTransactionRunner implements TransactionRunner {

    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    private int started;
    private int failed;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        int outer = depth.get();
        if (outer == 0) {
            synchronized (this) {
                started++;
            }
        }
        depth.set(outer + 1);
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            if (outer == 0) {
                synchronized (this) {
                    failed++;
                }
            }
            throw e;
        } finally {
            depth.set(outer);
        }
    }

    /** True while the calling thread runs inside {@link #inTransaction}. */
    public boolean isInside() {
        return depth.get() > 0;
    }

    /** How many outermost transactions were started. */
    public synchronized int started() {
        return started;
    }

    /** How many outermost transactions ended with an exception (a real runner would roll them back). */
    public synchronized int failed() {
        return failed;
    }
}
