package io.portcullis.adapters.persistence;

import io.portcullis.application.port.TransactionRunner;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSessionManager;

/**
 * Transactions through MyBatis managed sessions: the work runs on a session bound to the current
 * thread, which every store built on the same {@link Database} uses, then commits; if the work
 * throws, the transaction rolls back and the exception propagates unchanged.
 *
 * <p>Nesting joins: an {@code inTransaction} inside another runs in the outer transaction and
 * neither commits nor rolls back; the outermost call decides for all the work. (An inner failure
 * that the outer work catches and swallows therefore does not undo the inner writes.)
 *
 * <p>Outside a transaction each store call commits on its own.
 */
public final class MyBatisTransactionRunner implements TransactionRunner {

    private final SqlSessionManager sessions;

    public MyBatisTransactionRunner(Database database) {
        this.sessions = Objects.requireNonNull(database, "database").sessions();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (sessions.isManagedSessionStarted()) {
            return work.get();
        }
        SqlFailures.guard("starting a transaction", () -> sessions.startManagedSession(false));
        try {
            T result = work.get();
            SqlFailures.guard("committing a transaction", () -> sessions.commit(true));
            return result;
        } catch (RuntimeException | Error e) {
            try {
                sessions.rollback(true);
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(SqlFailures.translate("rolling back a transaction", rollbackFailure));
            }
            throw e;
        } finally {
            try {
                sessions.close();
            } catch (RuntimeException closeFailure) {
                // The connection goes back to the pool broken; Hikari will evict it. Nothing to undo.
                SqlFailures.translate("closing a transaction", closeFailure); // logs it
            }
        }
    }
}
