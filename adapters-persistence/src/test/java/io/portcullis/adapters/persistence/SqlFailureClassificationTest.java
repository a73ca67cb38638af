package io.portcullis.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.port.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;

/** Which driver failures mean "the database is unavailable" (503) and which are plain failures (500). */
class SqlFailureClassificationTest {

    @Test
    void connection_failures_shutdowns_and_timeouts_of_every_vendor_are_unavailability() {
        assertUnavailable(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertUnavailable(new SQLException("This connection has been closed.", "08003"));
        assertUnavailable(new SQLException("terminating connection due to administrator command", "57P01"));
        assertUnavailable(new SQLException("the database system is starting up", "57P03"));
        assertUnavailable(new SQLException("canceling statement due to statement timeout", "57014"));
        assertUnavailable(new SQLException("Database is already closed", "90121", 90121));
        assertUnavailable(new SQLTransientConnectionException("portcullis-postgresql - Connection is not available,"
                + " request timed out after 10000ms"));
        assertUnavailable(new SQLRecoverableException("ORA-17002: I/O error: Connection reset", null, 17002));
        assertUnavailable(new SQLException("ORA-03113: end-of-file on communication channel", "08006", 3113));
        assertUnavailable(new SQLException("ORA-01089: immediate shutdown or close in progress", "72000", 1089));
        assertUnavailable(new SQLTimeoutException("ORA-01013: user requested cancel of current operation"));
    }

    @Test
    void constraint_violations_and_other_errors_are_not() {
        assertNotUnavailable(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertNotUnavailable(new SQLException("value too long", "22001"));
        assertNotUnavailable(new SQLException("deadlock detected", "40P01"));
        assertNotUnavailable(new SQLException("relation \"accounts\" does not exist", "42P01"));
        assertNotUnavailable(new SQLException("some H2 error", "42000", 1089));
    }

    @Test
    void the_unavailable_exception_names_the_operation_and_the_state_but_not_the_drivers_message() {
        RuntimeException translated = SqlFailures.translate("finding an account by e-mail",
                new PersistenceException(new SQLException("connection to ann@example.com lost", "08006")));

        assertThat(translated).isInstanceOf(StoreUnavailableException.class)
                .hasMessage("finding an account by e-mail failed: the database is unavailable (SQLState 08006,"
                        + " vendor code 0 (SQLException))")
                .hasNoCause();
    }

    private static void assertUnavailable(SQLException e) {
        assertThat(SqlFailures.translate("working", new PersistenceException("wrapped", e)))
                .as(e.getMessage()).isInstanceOf(StoreUnavailableException.class);
    }

    private static void assertNotUnavailable(SQLException e) {
        assertThat(SqlFailures.translate("working", new PersistenceException("wrapped", e)))
                .as(e.getMessage()).isInstanceOf(PersistenceFailureException.class);
    }
}
