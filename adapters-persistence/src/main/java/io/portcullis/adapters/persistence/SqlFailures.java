package io.portcullis.adapters.persistence;

import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.application.port.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what MyBatis and the driver throw into the port's exceptions: a lost or unreachable
 * database (or one that does not answer in time) becomes {@link StoreUnavailableException}, which
 * the REST edge answers with 503; anything else becomes a {@link PersistenceFailureException}.
 */
final class SqlFailures {

    /** Names of the unique indexes whose violation means a duplicate account (see V1 migration). */
    static final String EMAIL_INDEX = "UX_ACCOUNTS_EMAIL_CANONICAL";
    static final String USERNAME_INDEX = "UX_ACCOUNTS_USERNAME_CANONICAL";

    private static final Logger SQL_DETAIL = LoggerFactory.getLogger("io.portcullis.adapters.persistence.sql");

    /**
     * SQLStates that mean the database is gone or refusing work for now, besides class 08
     * (connection exception): PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now,
     * too_many_connections and query_canceled (a statement timeout); H2's connection broken,
     * database closed and database called at shutdown, and its lock or statement timeout.
     */
    private static final Set<String> UNAVAILABLE_STATES =
            Set.of("57P01", "57P02", "57P03", "53300", "57014", "90067", "90098", "90121", "HYT00");

    /**
     * Oracle error codes that mean the same: ORA-01013 (cancelled by timeout), 01033, 01034,
     * 01089, 01090 (starting or stopping), 03113, 03114, 03135 (connection lost), 12514, 12516,
     * 12519, 12520, 12528, 12537, 12541, 12170 (listener and network), 17002, 17008, 17410
     * (driver-side I/O error, closed connection, no more data from the socket).
     */
    private static final Set<Integer> ORACLE_UNAVAILABLE_CODES = Set.of(1013, 1033, 1034, 1089, 1090, 3113, 3114,
            3135, 12514, 12516, 12519, 12520, 12528, 12537, 12541, 12170, 17002, 17008, 17410);

    private SqlFailures() {}

    /** Runs one store operation and translates whatever it throws. */
    static <T> T guard(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw translate(operation, e);
        }
    }

    static void guard(String operation, Runnable work) {
        guard(operation, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs a write that may break account uniqueness, and reports which attribute collided.
     */
    static <T> T guardUnique(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            Optional<DuplicateAccountException.Attribute> duplicate = duplicateAttribute(e);
            if (duplicate.isPresent()) {
                throw new DuplicateAccountException(duplicate.get());
            }
            throw translate(operation, e);
        }
    }

    static RuntimeException translate(String operation, RuntimeException e) {
        if (e instanceof PersistenceFailureException
                || e instanceof DuplicateAccountException
                || e instanceof ConcurrentUpdateException
                || e instanceof StoreUnavailableException) {
            return e;
        }
        SQL_DETAIL.debug("{} failed", operation, e);
        Optional<SQLException> unavailable = unavailability(e);
        if (unavailable.isPresent()) {
            SQLException s = unavailable.get();
            return new StoreUnavailableException(operation + " failed: the database is unavailable (" + describe(s)
                    + ")", null);
        }
        Optional<SQLException> sql = sqlException(e);
        if (sql.isPresent()) {
            SQLException s = sql.get();
            String state = s.getSQLState();
            return new PersistenceFailureException(operation, describe(s), state, isTransient(s), null);
        }
        if (e instanceof IllegalArgumentException) {
            // A value object refused what the row holds: the stored data breaks a domain rule.
            return new PersistenceFailureException(operation, "a stored value breaks a domain rule", null, false, null);
        }
        return new PersistenceFailureException(operation, e.getClass().getSimpleName(), null, false, null);
    }

    /**
     * The first exception in the chain that says the database cannot be reached or did not
     * answer in time, if any: a connection exception (SQLState class 08, a JDBC connection
     * exception type, the pool's timeout for a free connection), a shutdown, a statement
     * timeout, or one of Oracle's network and shutdown errors.
     */
    static Optional<SQLException> unavailability(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && isUnavailable(s)) {
                return Optional.of(s);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean isUnavailable(SQLException s) {
        String state = s.getSQLState();
        return s instanceof SQLTransientConnectionException
                || s instanceof SQLNonTransientConnectionException
                || s instanceof SQLTimeoutException
                || (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)))
                || isOracle(s) && ORACLE_UNAVAILABLE_CODES.contains(s.getErrorCode());
    }

    private static boolean isOracle(SQLException s) {
        String type = s.getClass().getName();
        return type.startsWith("oracle.") || String.valueOf(s.getMessage()).startsWith("ORA-")
                || String.valueOf(s.getMessage()).startsWith("IO Error");
    }

    /** SQLState, vendor code and type of a driver exception: never its message, which may quote values. */
    static String describe(SQLException s) {
        return "SQLState " + s.getSQLState() + ", vendor code " + s.getErrorCode() + " (" + s.getClass().getSimpleName()
                + ")";
    }

    /** Which account attribute a unique-constraint violation is about, if it is one of ours. */
    static Optional<DuplicateAccountException.Attribute> duplicateAttribute(Throwable e) {
        Optional<SQLException> sql = sqlException(e);
        if (sql.isEmpty() || !isUniqueViolation(sql.get())) {
            return Optional.empty();
        }
        String message = String.valueOf(sql.get().getMessage()).toUpperCase(Locale.ROOT);
        // The constraint name precedes any quoted value in H2, PostgreSQL and Oracle messages,
        // so the earliest name wins even if a value happens to contain the other name.
        int email = message.indexOf(EMAIL_INDEX);
        int username = message.indexOf(USERNAME_INDEX);
        if (email < 0 && username < 0) {
            return Optional.empty();
        }
        if (username < 0 || (email >= 0 && email < username)) {
            return Optional.of(DuplicateAccountException.Attribute.EMAIL);
        }
        return Optional.of(DuplicateAccountException.Attribute.USERNAME);
    }

    /** Whether a failure is a unique-constraint violation, whichever constraint. */
    static boolean isUniqueViolation(Throwable e) {
        return sqlException(e).filter(SqlFailures::isUniqueViolation).isPresent();
    }

    private static boolean isUniqueViolation(SQLException s) {
        String state = s.getSQLState();
        return "23505".equals(state) // H2, PostgreSQL
                || ("23000".equals(state) && s.getErrorCode() == 1); // Oracle ORA-00001
    }

    private static boolean isTransient(SQLException s) {
        String state = s.getSQLState();
        return s instanceof SQLTransientException
                || s instanceof SQLTimeoutException
                || (state != null && (state.startsWith("08") || state.startsWith("40") || state.equals("HYT00")));
    }

    private static Optional<SQLException> sqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return Optional.of(s);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
