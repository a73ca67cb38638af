package io.portcullis.adapters.persistence;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static io.portcullis.domain.account.AccountFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.persistence.TestDatabases.Backend;
import io.portcullis.application.contract.Concurrently;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.application.port.DuplicateAccountException.Attribute;
import io.portcullis.application.port.SessionStore.Consumption;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.Username;
import io.portcullis.domain.onetime.OneTimeKey;
import io.portcullis.domain.onetime.OneTimeToken;
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import io.portcullis.domain.session.SessionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the database itself must decide under concurrency, on H2, on H2 in Oracle mode and on
 * PostgreSQL, with as many threads as the tests need connections: one account per address
 * whatever the letter case, one winner per token, and no lost update.
 */
class ConcurrencyTest {

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

        private static final int REGISTRATIONS = 50;

        private final MyBatisAccountStore accounts;
        private final MyBatisSessionStore sessions;
        private final MyBatisOneTimeTokenStore tokens;
        private final MyBatisTransactionRunner transactions;

        Suite(Backend backend) {
            Database database = TestDatabases.shared(backend);
            accounts = new MyBatisAccountStore(database);
            sessions = new MyBatisSessionStore(database);
            tokens = new MyBatisOneTimeTokenStore(database);
            transactions = new MyBatisTransactionRunner(database);
        }

        @Test
        void fifty_parallel_registrations_of_one_address_in_different_letter_cases_make_one_account() throws Exception {
            String local = "racecase" + unique("x");
            List<String> spellings = caseVariants(local + "@example.com", REGISTRATIONS);
            assertThat(new HashSet<>(spellings)).hasSize(REGISTRATIONS);
            List<Callable<Object>> registrations = new ArrayList<>();
            for (String spelling : spellings) {
                registrations.add(() -> accounts.add(newAccount().email(spelling).build()));
            }

            List<Object> outcomes = Concurrently.run(registrations);

            assertThat(outcomes).filteredOn(Account.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !(o instanceof Account)).hasSize(REGISTRATIONS - 1)
                    .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(DuplicateAccountException.class,
                            e -> assertThat(e.attribute()).isEqualTo(Attribute.EMAIL)));
            Account winner = (Account) outcomes.stream().filter(Account.class::isInstance).findFirst().orElseThrow();
            assertThat(accounts.findByEmail(new EmailAddress(local.toUpperCase(Locale.ROOT) + "@EXAMPLE.COM")))
                    .map(Account::id).contains(winner.id());
        }

        @Test
        void fifty_parallel_registrations_in_transactions_make_one_account_too() throws Exception {
            String local = "txrace" + unique("y");
            List<Callable<Object>> registrations = new ArrayList<>();
            for (String spelling : caseVariants(local + "@example.org", REGISTRATIONS)) {
                registrations.add(() -> transactions.inTransaction(() -> {
                    Account added = accounts.add(newAccount().email(spelling).build());
                    sessions.open(added.id(), NOW);
                    return added;
                }));
            }

            List<Object> outcomes = Concurrently.run(registrations);

            assertThat(outcomes).filteredOn(Account.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(DuplicateAccountException.class::isInstance).hasSize(REGISTRATIONS - 1);
        }

        @Test
        void of_two_concurrent_consumptions_of_one_refresh_token_exactly_one_succeeds_every_time() throws Exception {
            AccountId account = accounts.add(newAccount().build()).id();
            SessionId session = sessions.open(account, NOW);
            for (int round = 0; round < 25; round++) {
                String jti = unique("pair-");
                sessions.recordRefreshToken(jti, session, account, NOW.plus(Duration.ofDays(1)));
                List<Callable<Object>> pair = List.of(
                        () -> transactions.inTransaction(() -> sessions.consume(jti, NOW)),
                        () -> transactions.inTransaction(() -> sessions.consume(jti, NOW)));

                List<Object> outcomes = Concurrently.run(pair);

                assertThat(outcomes).as("round " + round)
                        .containsExactlyInAnyOrder(Consumption.CONSUMED, Consumption.ALREADY_USED);
            }
        }

        @Test
        void of_two_concurrent_uses_of_one_reset_link_exactly_one_succeeds_every_time() throws Exception {
            AccountId account = accounts.add(newAccount().build()).id();
            for (int round = 0; round < 25; round++) {
                OneTimeToken token = OneTimeToken.issue(new OneTimeKey(unique("link-")), OneTimeTokenPurpose.PASSWORD_RESET,
                        account, Optional.empty(), NOW, Duration.ofHours(1));
                tokens.save(token);
                List<Callable<Object>> pair = List.of(
                        () -> tokens.consume(token.digest(), OneTimeTokenPurpose.PASSWORD_RESET, NOW),
                        () -> tokens.consume(token.digest(), OneTimeTokenPurpose.PASSWORD_RESET, NOW));

                assertThat(Concurrently.run(pair)).as("round " + round).containsExactlyInAnyOrder(true, false);
            }
        }

        @Test
        void of_two_concurrent_updates_from_one_read_exactly_one_is_written_and_the_other_refused() throws Exception {
            for (int round = 0; round < 10; round++) {
                Account read = accounts.add(newAccount().build());
                Account renamed = read.withProfile(read.profile(), Optional.of(new Username(unique("renamed_"))));
                Account verified = read.withEmailVerified();

                List<Object> outcomes = Concurrently.run(List.of(
                        () -> transactions.inTransaction(() -> { accounts.update(renamed); return renamed; }),
                        () -> transactions.inTransaction(() -> { accounts.update(verified); return verified; })));

                assertThat(outcomes).filteredOn(Account.class::isInstance).hasSize(1);
                assertThat(outcomes).filteredOn(ConcurrentUpdateException.class::isInstance).hasSize(1);
                Account written = (Account) outcomes.stream().filter(Account.class::isInstance).findFirst().orElseThrow();
                Account stored = accounts.findById(read.id()).orElseThrow();
                assertThat(stored.version()).isEqualTo(1);
                assertThat(stored.username()).isEqualTo(written.username());
                assertThat(stored.emailVerified()).isEqualTo(written.emailVerified());
            }
        }

        @Test
        void twenty_writers_that_retry_on_conflict_lose_no_update() throws Exception {
            Account created = accounts.add(newAccount().build());
            int writers = 20;
            List<Callable<Object>> edits = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String field = "field_" + i;
                edits.add(() -> {
                    int conflicts = 0;
                    while (true) {
                        try {
                            return transactions.inTransaction(() -> {
                                Account current = accounts.findById(created.id()).orElseThrow();
                                accounts.update(current.withProfile(
                                        current.profile().with(Map.of(field, "set")), current.username()));
                                return field;
                            });
                        } catch (ConcurrentUpdateException e) {
                            if (++conflicts > 500) {
                                throw e;
                            }
                        }
                    }
                });
            }

            List<Object> outcomes = Concurrently.run(edits);

            assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(String.class));
            Account stored = accounts.findById(created.id()).orElseThrow();
            assertThat(stored.version()).isEqualTo(writers);
            Set<String> fields = stored.profile().values().keySet();
            for (int i = 0; i < writers; i++) {
                assertThat(fields).contains("field_" + i);
            }
        }

        /** {@code count} spellings of {@code address} that differ only in letter case. */
        private static List<String> caseVariants(String address, int count) {
            List<String> variants = new ArrayList<>();
            for (int n = 0; variants.size() < count; n++) {
                StringBuilder spelling = new StringBuilder();
                int bit = 0;
                for (char c : address.toCharArray()) {
                    if (Character.isLetter(c) && bit < 20) {
                        spelling.append((n >> bit++ & 1) == 1 ? Character.toUpperCase(c) : c);
                    } else {
                        spelling.append(c);
                    }
                }
                variants.add(spelling.toString());
            }
            return variants;
        }
    }
}
