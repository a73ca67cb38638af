package io.portcullis.adapters.persistence;

import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountFixtures;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.account.Username;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Transactions on H2, on H2 in Oracle mode and on PostgreSQL; one shared database per backend.
 */
class MyBatisTransactionRunnerTest {

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

        private final Database database;
        private final MyBatisAccountStore accounts;
        private final MyBatisSessionStore sessions;
        private final MyBatisTransactionRunner transactions;

        Suite(Backend backend) {
            database = TestDatabases.shared(backend);
            accounts = new MyBatisAccountStore(database);
            sessions = new MyBatisSessionStore(database);
            transactions = new MyBatisTransactionRunner(database);
        }

        @Test
        void commits_when_the_work_returns() {
            NewAccount candidate = newAccount().build();

            Account stored = transactions.inTransaction(() -> accounts.add(candidate));

            assertThat(accounts.findById(stored.id())).isPresent();
        }

        @Test
        void rolls_back_every_write_when_the_work_throws_and_rethrows_the_same_exception() {
            NewAccount candidate = newAccount().build();
            var failure = new IllegalStateException("mail outbox full");

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                Account stored = accounts.add(candidate);
                sessions.open(stored.id(), AccountFixtures.NOW);
                throw failure;
            })).isSameAs(failure);

            assertThat(accounts.findByUsername(candidate.username().orElseThrow())).isEmpty();
            assertThat(accounts.findByEmail(candidate.email().orElseThrow())).isEmpty();
        }

        @Test
        void a_duplicate_in_the_middle_of_a_transaction_undoes_what_came_before() {
            Account existing = accounts.add(newAccount().build());
            NewAccount first = newAccount().build();
            NewAccount clash = newAccount().email(existing.email().orElseThrow().value().toUpperCase()).build();

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                accounts.add(first);
                return accounts.add(clash);
            })).isInstanceOf(DuplicateAccountException.class);

            assertThat(accounts.findByUsername(first.username().orElseThrow())).isEmpty();
            // The thread's session is gone: the next transaction starts clean and works.
            assertThat(transactions.inTransaction(() -> accounts.add(newAccount().build()))).isNotNull();
        }

        @Test
        void a_nested_transaction_joins_the_outer_one_and_does_not_commit_on_its_own() {
            NewAccount inner = newAccount().build();
            Username innerName = inner.username().orElseThrow();

            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                transactions.inTransaction(() -> accounts.add(inner));
                // Visible inside the outer transaction...
                assertThat(accounts.findByUsername(innerName)).isPresent();
                // ...but not yet to anyone else: the inner call did not commit.
                assertThat(fromAnotherThread(() -> accounts.findByUsername(innerName).isPresent())).isFalse();
                throw new IllegalStateException("outer work fails after the inner one succeeded");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(accounts.findByUsername(innerName)).isEmpty();
        }

        @Test
        void a_nested_transaction_is_committed_with_the_outer_one() {
            NewAccount outer = newAccount().build();
            NewAccount inner = newAccount().build();

            transactions.inTransaction(() -> {
                accounts.add(outer);
                transactions.inTransaction(() -> accounts.add(inner));
            });

            assertThat(accounts.findByUsername(outer.username().orElseThrow())).isPresent();
            assertThat(accounts.findByUsername(inner.username().orElseThrow())).isPresent();
        }

        @Test
        void outside_a_transaction_each_call_commits_on_its_own() {
            NewAccount candidate = newAccount().build();

            accounts.add(candidate);

            assertThat(fromAnotherThread(() -> accounts.findByUsername(candidate.username().orElseThrow()).isPresent()))
                    .isTrue();
        }

        private static <T> T fromAnotherThread(java.util.function.Supplier<T> work) {
            return CompletableFuture.supplyAsync(work).orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
