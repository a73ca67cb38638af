package io.portcullis.adapters.persistence;

import io.portcullis.application.port.DuplicateAccountException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what MyBatis and the driver throw into the port's exceptions or a {@link PersistenceFailureException}. */
final class SqlFailures {

    /** Names of the unique indexes whose violation means a duplicate account (see V1 migration). */
    static final String EMAIL_INDEX = "UX_ACCOUNTS_EMAIL_CANONICAL";
    static final String USERNAME_INDEX = "UX_ACCOUNTS_USERNAME_CANONICAL";

    private static final Logger SQL_DETAIL = LoggerFactory.getLogger("io.portcullis.adapters.persistence.sql");

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
                || e instanceof io.portcullis.application.port.ConcurrentUpdateException) {
            return e;
        }
        SQL_DETAIL.debug("{} failed", operation, e);
        Optional<SQLException> sql = sqlException(e);
        if (sql.isPresent()) {
            SQLException s = sql.get();
            String state = s.getSQLState();
            return new PersistenceFailureException(operation,
                    "SQLState " + state + ", vendor code " + s.getErrorCode() + " (" + s.getClass().getSimpleName() + ")",
                    state, isTransient(s), null);
        }
        if (e instanceof IllegalArgumentException) {
            // A value object refused what the row holds: the stored data breaks a domain rule.
            return new PersistenceFailureException(operation, "a stored value breaks a domain rule", null, false, null);
        }
        return new PersistenceFailureException(operation, e.getClass().getSimpleName(), null, false, null);
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
