package io.portcullis.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.application.contract.AuditTrailContract;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ClientDetails;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The audit trail contract on H2, on H2 in Oracle mode and on PostgreSQL, one shared database per
 * backend; and what only a database can show: rows roll back with the change they report, and
 * the columns hold readable codes.
 */
class MyBatisAuditTrailTest {

    @Nested
    class OnH2 extends Suite {
        OnH2() {
            super(Backend.H2);
        }
    }

    @Nested
    class OnH2InOracleMode extends Suite {
        OnH2InOracleMode() {
            super(Backend.H2_ORACLE_MODE);
        }
    }

    @Nested
    class OnPostgreSQL extends Suite {
        OnPostgreSQL() {
            super(Backend.POSTGRESQL);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite extends AuditTrailContract {

        private final Database database;
        private final MyBatisAuditTrail trail;
        private final MyBatisTransactionRunner transactions;

        Suite(Backend backend) {
            database = TestDatabases.shared(backend);
            trail = new MyBatisAuditTrail(database);
            transactions = new MyBatisTransactionRunner(database);
        }

        @Override
        protected AuditTrail trail() {
            return trail;
        }

        @Override
        protected List<AuthenticationEvent> recordedBetween(Instant from, Instant to) {
            return trail.recordedBetween(from, to);
        }

        private static AccountId uniqueAccount() {
            return new AccountId(1_000_000 + Math.floorMod(System.nanoTime(), 1_000_000_000L));
        }

        @Test
        void an_event_recorded_in_a_transaction_that_rolls_back_is_gone_with_it() {
            AccountId account = uniqueAccount();
            var event = AuthenticationEvent.succeeded(AuthenticationEventType.PASSWORD_CHANGED,
                    Instant.parse("2026-11-29T08:00:00Z"), account, ClientDetails.unknown());

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                trail.record(event);
                throw new IllegalStateException("the change failed after its event");
            })).isInstanceOf(IllegalStateException.class);
            transactions.inTransaction(() -> trail.record(event.because(AuditReasons.PASSWORD_RESET)));

            assertThat(trail.recentOf(account, 10)).containsExactly(event.because(AuditReasons.PASSWORD_RESET));
        }

        @Test
        void an_accounts_history_reads_most_recent_first_up_to_a_limit() {
            AccountId account = uniqueAccount();
            Instant at = Instant.parse("2026-11-29T09:00:00Z");
            var first = AuthenticationEvent.succeeded(AuthenticationEventType.ACCOUNT_CREATED, at, account,
                    ClientDetails.unknown());
            var second = AuthenticationEvent.succeeded(AuthenticationEventType.LOGIN_SUCCEEDED, at, account,
                    ClientDetails.unknown());
            var third = AuthenticationEvent.succeeded(AuthenticationEventType.LOGGED_OUT, at.plusSeconds(1), account,
                    ClientDetails.unknown());
            List.of(first, second, third).forEach(trail::record);

            assertThat(trail.recentOf(account, 2)).containsExactly(third, second);
            assertThatThrownBy(() -> trail.recentOf(account, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_row_holds_readable_codes_and_the_client() throws Exception {
            AccountId account = uniqueAccount();
            trail.record(AuthenticationEvent.failed(AuthenticationEventType.LOGIN_FAILED,
                    Instant.parse("2026-11-29T10:00:00Z"), Optional.of(account), ClientDetails.of("curl/8", "192.0.2.5"),
                    AuditReasons.WRONG_PASSWORD));

            try (Connection c = database.dataSource().getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT event_type, outcome, ip_address, user_agent, "
                            + "reason FROM audit_events WHERE account_id = ?")) {
                s.setLong(1, account.value());
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5))).containsExactly("login_failed", "failed", "192.0.2.5", "curl/8",
                            "wrong_password");
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }
}
