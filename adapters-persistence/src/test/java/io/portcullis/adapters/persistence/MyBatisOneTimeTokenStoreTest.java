package io.portcullis.adapters.persistence;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.application.contract.OneTimeTokenStoreContract;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.OneTimeTokenStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.onetime.OneTimeKey;
import io.portcullis.domain.onetime.OneTimeToken;
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The one-time token store contract on H2, on H2 in Oracle mode and on PostgreSQL; one shared
 * database per backend (the contract allows sharing).
 */
class MyBatisOneTimeTokenStoreTest {

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
    abstract static class Suite extends OneTimeTokenStoreContract {

        private final Database database;
        private final MyBatisOneTimeTokenStore tokens;
        private final MyBatisAccountStore accounts;
        private final MyBatisTransactionRunner transactions;

        Suite(Backend backend) {
            database = TestDatabases.shared(backend);
            tokens = new MyBatisOneTimeTokenStore(database);
            accounts = new MyBatisAccountStore(database);
            transactions = new MyBatisTransactionRunner(database);
        }

        @Override
        protected OneTimeTokenStore tokens() {
            return tokens;
        }

        @Override
        protected AccountStore accounts() {
            return accounts;
        }

        @Override
        protected TransactionRunner transactions() {
            return transactions;
        }

        @Test
        void only_the_digest_is_stored_never_the_key() throws Exception {
            OneTimeKey key = new OneTimeKey("the-secret-in-the-link-" + System.nanoTime());
            AccountId account = accounts.add(newAccount().build()).id();
            tokens.save(OneTimeToken.issue(key, OneTimeTokenPurpose.PASSWORD_RESET, account, Optional.empty(), NOW,
                    Duration.ofHours(1)));

            try (Connection c = database.dataSource().getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM one_time_tokens WHERE digest = ?")) {
                s.setString(1, key.value());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
                s.setString(1, key.digest());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
        }

        @Test
        void a_token_of_an_unknown_account_is_refused() {
            OneTimeToken orphan = OneTimeToken.issue(new OneTimeKey("orphan-" + System.nanoTime()),
                    OneTimeTokenPurpose.EMAIL_CONFIRMATION, new AccountId(Long.MAX_VALUE - 17), Optional.empty(), NOW,
                    Duration.ofHours(1));

            assertThatThrownBy(() -> tokens.save(orphan)).isInstanceOfSatisfying(PersistenceFailureException.class,
                    e -> assertThat(e.sqlState()).hasValueSatisfying(state -> assertThat(state).startsWith("23")));
            assertThat(tokens.find(orphan.digest(), OneTimeTokenPurpose.EMAIL_CONFIRMATION)).isEmpty();
        }

        @Test
        void a_duplicate_is_a_persistence_failure_that_names_no_digest() {
            AccountId account = accounts.add(newAccount().build()).id();
            OneTimeToken token = OneTimeToken.issue(new OneTimeKey("twice-" + System.nanoTime()),
                    OneTimeTokenPurpose.EMAIL_CONFIRMATION, account, Optional.empty(), NOW, Duration.ofHours(1));
            tokens.save(token);

            assertThatThrownBy(() -> tokens.save(token)).isInstanceOfSatisfying(PersistenceFailureException.class, e -> {
                assertThat(e.sqlState()).hasValueSatisfying(state -> assertThat(state).startsWith("23"));
                assertThat(e.getMessage()).doesNotContain(token.digest());
            });
        }
    }
}
