package io.portcullis.adapters.persistence;

import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.application.port.DuplicateAccountException.Attribute;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountFixtures;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Failures become port exceptions or a PersistenceFailureException that leaks no values, on H2, on
 * H2 in Oracle mode and on PostgreSQL.
 */
class SqlFailuresTest {

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
    abstract static class Suite {

        private static final String SECRET = "TOPSECRET-9f8e7d";

        private final Backend backend;
        private final Database database;
        private final MyBatisAccountStore accounts;

        Suite(Backend backend) {
            this.backend = backend;
            database = TestDatabases.shared(backend);
            accounts = new MyBatisAccountStore(database);
        }

        @Test
        void a_database_error_names_the_operation_and_the_sqlstate_but_no_value() {
            // Longer than the column: H2's own message quotes the value.
            String hash = "argon2id$" + SECRET + "x".repeat(2000);

            assertThatThrownBy(() -> accounts.add(newAccount().passwordHash(hash).build()))
                    .isInstanceOfSatisfying(PersistenceFailureException.class, e -> {
                        assertThat(e.operation()).isEqualTo("adding an account");
                        assertThat(e.getMessage()).startsWith("adding an account failed: SQLState 22001");
                        assertThat(e.sqlState()).contains("22001");
                        assertThat(e.isTransient()).isFalse();
                        assertThat(e.getCause()).isNull();
                        assertThat(e.getMessage()).doesNotContain(SECRET);
                    });
        }

        @Test
        void an_address_that_contains_the_username_index_name_is_still_a_duplicate_email() {
            String email = "ux_accounts_username_canonical" + AccountFixtures.unique(".") + "@example.com";
            accounts.add(newAccount().email(email).build());

            assertThatThrownBy(() -> accounts.add(newAccount().email(email).build()))
                    .isInstanceOfSatisfying(DuplicateAccountException.class,
                            e -> assertThat(e.attribute()).isEqualTo(Attribute.EMAIL));
        }

        @Test
        void a_stored_row_that_breaks_a_domain_rule_is_reported_without_its_value() throws Exception {
            Account stored = accounts.add(newAccount().build());
            try (Connection c = database.dataSource().getConnection();
                    PreparedStatement s = c.prepareStatement("UPDATE accounts SET email = ? WHERE id = ?")) {
                s.setString(1, "not-an-address-" + SECRET);
                s.setLong(2, stored.id().value());
                s.executeUpdate();
            }

            assertThatThrownBy(() -> accounts.findById(stored.id()))
                    .isInstanceOf(PersistenceFailureException.class)
                    .hasMessage("finding an account by id failed: a stored value breaks a domain rule");
        }

        @Test
        void instants_are_stored_in_utc_and_truncated_to_microseconds() throws Exception {
            Instant created = Instant.parse("2026-06-30T23:59:59.123456789Z");
            Account stored = accounts.add(newAccount().createdAt(created).build());

            try (Connection c = database.dataSource().getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT created_at FROM accounts WHERE id = ?")) {
                s.setLong(1, stored.id().value());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    OffsetDateTime raw = rs.getObject(1, OffsetDateTime.class);
                    assertThat(raw.getOffset()).isEqualTo(ZoneOffset.UTC);
                }
            }
            assertThat(accounts.findById(stored.id()).orElseThrow().createdAt())
                    .isEqualTo(Instant.parse("2026-06-30T23:59:59.123456Z"));
        }

        @Test
        void a_closed_database_gives_a_persistence_failure_not_a_mybatis_exception() {
            Database closed = TestDatabases.open(backend);
            MyBatisAccountStore store = new MyBatisAccountStore(closed);
            closed.close();

            assertThatThrownBy(() -> store.findByEmail(new EmailAddress("someone@example.com")))
                    .isInstanceOf(PersistenceFailureException.class)
                    .hasMessageStartingWith("finding an account by e-mail failed")
                    .hasMessageNotContaining("someone@example.com");
            assertThatThrownBy(() -> new MyBatisTransactionRunner(closed).inTransaction(() -> store.findById(new AccountId(1))))
                    .isInstanceOf(PersistenceFailureException.class);
        }
    }
}
