package io.portcullis.application.contract;

import static io.portcullis.domain.account.AccountFixtures.NOW;
import static io.portcullis.domain.account.AccountFixtures.newAccount;
import static io.portcullis.domain.account.AccountFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.application.port.DuplicateAccountException.Attribute;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountFixtures;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.account.PasswordHash;
import io.portcullis.domain.account.Profile;
import io.portcullis.domain.account.Username;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountStore} promises. Run it against an implementation by extending it:
 * {@code class MyStoreTest extends AccountStoreContract}. The tests do not assume an empty
 * store (every account has a username and address of its own), so a subclass may share one
 * store between tests.
 *
 * <p>Stores may keep instants at any precision down to the millisecond; the tests compare
 * instants truncated to milliseconds.
 */
public abstract class AccountStoreContract {

    /** The store under test. May return the same store on every call within one test. */
    protected abstract AccountStore accounts();

    /** Runs work in one transaction of the store's database. */
    protected abstract TransactionRunner transactions();

    // ---------------------------------------------------------------- add and find

    @Test
    void add_returns_the_account_with_an_id_version_zero_active_and_never_logged_in() {
        NewAccount candidate = newAccount().profile("phone", "+4915112345678").build();

        Account stored = accounts().add(candidate);

        assertThat(stored.id().value()).isPositive();
        assertThat(normalised(stored)).isEqualTo(normalised(candidate.withId(stored.id())));
        assertThat(stored.version()).isZero();
        assertThat(stored.active()).isTrue();
        assertThat(stored.lastLoginAt()).isEmpty();
        assertThat(stored.passwordChangedAt()).isEqualTo(stored.createdAt());
    }

    @Test
    void each_account_gets_its_own_id_and_later_accounts_larger_ones() {
        long first = accounts().add(newAccount().build()).id().value();
        long second = accounts().add(newAccount().build()).id().value();

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void find_by_id_returns_what_add_returned() {
        Account stored = accounts().add(newAccount().emailVerified(true).build());

        assertThat(accounts().findById(stored.id()).map(AccountStoreContract::normalised))
                .contains(normalised(stored));
    }

    @Test
    void find_by_unknown_id_email_or_username_is_empty() {
        assertThat(accounts().findById(new AccountId(Long.MAX_VALUE - 7))).isEmpty();
        assertThat(accounts().findByEmail(new EmailAddress(unique("nobody") + "@example.org"))).isEmpty();
        assertThat(accounts().findByUsername(new Username(unique("nobody")))).isEmpty();
    }

    @Test
    void find_by_email_ignores_letter_case_and_the_address_is_kept_as_given() {
        String local = unique("Mixed.Case");
        Account stored = accounts().add(newAccount().email(local + "@Example.COM").build());

        for (String asked : List.of(local + "@Example.COM", local.toLowerCase() + "@example.com",
                local.toUpperCase() + "@EXAMPLE.COM")) {
            Optional<Account> found = accounts().findByEmail(new EmailAddress(asked));
            assertThat(found).as(asked).map(Account::id).contains(stored.id());
            assertThat(found).map(a -> a.email().orElseThrow().value()).contains(local + "@Example.COM");
        }
    }

    @Test
    void find_by_username_ignores_letter_case_and_the_username_is_kept_as_given() {
        String name = unique("Ann.Smith_");
        Account stored = accounts().add(newAccount().username(name).build());

        for (String asked : List.of(name, name.toLowerCase(), name.toUpperCase())) {
            Optional<Account> found = accounts().findByUsername(new Username(asked));
            assertThat(found).as(asked).map(Account::id).contains(stored.id());
            assertThat(found).map(a -> a.username().orElseThrow().value()).contains(name);
        }
    }

    @Test
    void email_and_username_taken_ignore_letter_case() {
        String name = unique("Taken");
        accounts().add(newAccount().username(name).email(name + "@Example.com").build());

        assertThat(accounts().emailTaken(new EmailAddress(name.toUpperCase() + "@EXAMPLE.COM"))).isTrue();
        assertThat(accounts().usernameTaken(new Username(name.toLowerCase()))).isTrue();
        assertThat(accounts().emailTaken(new EmailAddress(unique("free") + "@example.com"))).isFalse();
        assertThat(accounts().usernameTaken(new Username(unique("free")))).isFalse();
    }

    // ---------------------------------------------------------------- uniqueness

    @Test
    void an_address_that_differs_only_in_case_is_a_duplicate_email() {
        String local = unique("dup");
        accounts().add(newAccount().email(local + "@example.com").build());
        String otherName = unique("other");

        assertThatThrownBy(() -> accounts().add(newAccount().username(otherName)
                        .email(local.toUpperCase() + "@Example.Com").build()))
                .isInstanceOfSatisfying(DuplicateAccountException.class,
                        e -> assertThat(e.attribute()).isEqualTo(Attribute.EMAIL));
        assertThat(accounts().findByUsername(new Username(otherName))).isEmpty();
    }

    @Test
    void a_username_that_differs_only_in_case_is_a_duplicate_username() {
        String name = unique("Dup");
        accounts().add(newAccount().username(name).build());
        String otherEmail = unique("other") + "@example.com";

        assertThatThrownBy(() -> accounts().add(newAccount().username(name.toUpperCase()).email(otherEmail).build()))
                .isInstanceOfSatisfying(DuplicateAccountException.class,
                        e -> assertThat(e.attribute()).isEqualTo(Attribute.USERNAME));
        assertThat(accounts().findByEmail(new EmailAddress(otherEmail))).isEmpty();
    }

    @Test
    void a_username_that_looks_like_a_constraint_name_is_still_reported_as_a_username() {
        // An adapter that finds the violated constraint in a driver message must not be fooled
        // by a value that the message quotes.
        String name = "ux_accounts_email_canonical" + unique("_");
        accounts().add(newAccount().username(name).build());

        assertThatThrownBy(() -> accounts().add(newAccount().username(name).build()))
                .isInstanceOfSatisfying(DuplicateAccountException.class,
                        e -> assertThat(e.attribute()).isEqualTo(Attribute.USERNAME));
    }

    @Test
    void accounts_without_an_address_or_without_a_username_do_not_collide() {
        Account a = accounts().add(newAccount().noEmail().build());
        Account b = accounts().add(newAccount().noEmail().build());
        Account c = accounts().add(newAccount().noUsername().build());
        Account d = accounts().add(newAccount().noUsername().build());

        assertThat(List.of(a.id(), b.id(), c.id(), d.id())).doesNotHaveDuplicates();
    }

    @Test
    void concurrent_registrations_of_one_address_leave_exactly_one_account() throws Exception {
        String email = unique("race") + "@example.com";
        List<Callable<Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> transactions().inTransaction(() -> accounts().add(newAccount().email(email).build())));
        }

        List<Object> outcomes = Concurrently.run(attempts);

        assertThat(outcomes).filteredOn(Account.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof Account)).hasSize(7)
                .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(DuplicateAccountException.class,
                        e -> assertThat(e.attribute()).isEqualTo(Attribute.EMAIL)));
        assertThat(accounts().emailTaken(new EmailAddress(email))).isTrue();
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void profile_values_come_back_unchanged() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("gender", "F");
        values.put("phone_number", "+44 20 7946 0958");
        values.put("empty", "");
        values.put("quotes", "say \"hi\" \\ back");
        values.put("unicode", "Zoë – 東京 🚀");
        values.put("lines", "one\ntwo\r\n\tthree");
        values.put("json", "{\"not\": [\"parsed\"]}");
        values.put("numeric", "007");

        Account stored = accounts().add(newAccount().profile(values).build());

        Profile found = accounts().findById(stored.id()).orElseThrow().profile();
        assertThat(found.values()).isEqualTo(values);
    }

    @Test
    void an_empty_profile_comes_back_empty() {
        Account stored = accounts().add(newAccount().build());

        assertThat(accounts().findById(stored.id()).orElseThrow().profile().values()).isEmpty();
    }

    @Test
    void an_account_without_username_comes_back_without_one() {
        Account stored = accounts().add(newAccount().noUsername().build());

        Account found = accounts().findById(stored.id()).orElseThrow();
        assertThat(found.username()).isEmpty();
        assertThat(found.email()).isEqualTo(stored.email());
        assertThat(accounts().findByEmail(stored.email().orElseThrow())).map(Account::id).contains(stored.id());
    }

    @Test
    void an_account_without_email_comes_back_without_one() {
        Account stored = accounts().add(newAccount().noEmail().build());

        Account found = accounts().findById(stored.id()).orElseThrow();
        assertThat(found.email()).isEmpty();
        assertThat(found.username()).isEqualTo(stored.username());
        assertThat(accounts().findByUsername(stored.username().orElseThrow())).map(Account::id).contains(stored.id());
    }

    @Test
    void instants_keep_at_least_millisecond_precision_in_utc() {
        Instant created = Instant.parse("1999-12-31T23:59:59.987Z");
        Account stored = accounts().add(newAccount().createdAt(created).build());

        Account found = accounts().findById(stored.id()).orElseThrow();
        assertThat(millis(found.createdAt())).isEqualTo(created);
        assertThat(millis(found.passwordChangedAt())).isEqualTo(created);
    }

    // ---------------------------------------------------------------- update

    @Test
    void update_with_the_next_version_writes_the_content_and_the_new_version() {
        Account stored = accounts().add(newAccount().build());
        Instant later = NOW.plus(Duration.ofDays(3));
        String newName = unique("renamed_");
        Account changed = new Account(stored.id(), Optional.of(new Username(newName)), stored.email(), true, false,
                new PasswordHash("pbkdf2_sha256$870000$salt$digest="),
                stored.profile().with(Map.of("gender", "M")), stored.createdAt(), Optional.empty(), later, 1);

        accounts().update(changed);

        Account found = accounts().findById(stored.id()).orElseThrow();
        assertThat(normalised(found)).isEqualTo(normalised(changed));
        assertThat(found.version()).isEqualTo(1);
        assertThat(accounts().findByUsername(new Username(newName))).map(Account::id).contains(stored.id());
        assertThat(accounts().usernameTaken(stored.username().orElseThrow())).isFalse();
    }

    @Test
    void successive_updates_each_bump_the_version() {
        Account v0 = accounts().add(newAccount().build());
        Account v1 = v0.withEmailVerified();
        accounts().update(v1);
        Account v2 = v1.withRehashedPassword(new PasswordHash("argon2id$v=19$new"));
        accounts().update(v2);

        assertThat(accounts().findById(v0.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void update_from_a_stale_read_is_refused_and_changes_nothing() {
        Account read = accounts().add(newAccount().build());
        accounts().update(read.withEmailVerified());

        Account stale = read.withProfile(read.profile().with(Map.of("gender", "X")), read.username());
        assertThatThrownBy(() -> accounts().update(stale)).isInstanceOf(ConcurrentUpdateException.class);

        Account found = accounts().findById(read.id()).orElseThrow();
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.emailVerified()).isTrue();
        assertThat(found.profile().values()).isEmpty();
    }

    @Test
    void update_without_a_version_bump_is_refused() {
        Account stored = accounts().add(newAccount().build());

        assertThatThrownBy(() -> accounts().update(stored)).isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void update_of_an_unknown_account_is_refused() {
        Account ghost = AccountFixtures.account()
                .id(Long.MAX_VALUE - 11).version(1).build();

        assertThatThrownBy(() -> accounts().update(ghost)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(accounts().findById(ghost.id())).isEmpty();
    }

    @Test
    void update_to_another_accounts_username_is_a_duplicate_and_changes_nothing() {
        Account other = accounts().add(newAccount().build());
        Account mine = accounts().add(newAccount().build());
        Optional<Username> taken = Optional.of(new Username(other.username().orElseThrow().value().toUpperCase()));

        assertThatThrownBy(() -> accounts().update(mine.withProfile(mine.profile(), taken)))
                .isInstanceOfSatisfying(DuplicateAccountException.class,
                        e -> assertThat(e.attribute()).isEqualTo(Attribute.USERNAME));
        assertThat(accounts().findById(mine.id()).orElseThrow().username()).isEqualTo(mine.username());
        assertThat(accounts().findById(mine.id()).orElseThrow().version()).isZero();
    }

    @Test
    void update_may_change_the_letter_case_of_the_own_username() {
        Account mine = accounts().add(newAccount().username(unique("lower_")).build());
        Optional<Username> upper = Optional.of(new Username(mine.username().orElseThrow().value().toUpperCase()));

        accounts().update(mine.withProfile(mine.profile(), upper));

        assertThat(accounts().findById(mine.id()).orElseThrow().username()).isEqualTo(upper);
    }

    // ---------------------------------------------------------------- recordLogin

    @Test
    void record_login_sets_the_last_login_and_keeps_the_version() {
        Account stored = accounts().add(newAccount().build());
        Instant at = NOW.plusSeconds(90);

        accounts().recordLogin(stored.id(), at);

        Account found = accounts().findById(stored.id()).orElseThrow();
        assertThat(found.lastLoginAt().map(AccountStoreContract::millis)).contains(at);
        assertThat(found.version()).isZero();
    }

    @Test
    void an_update_from_a_read_before_the_login_keeps_the_recorded_login() {
        // The login is not content: an update based on a read taken before it neither fails nor erases it.
        Account read = accounts().add(newAccount().build());
        Instant at = NOW.plusSeconds(5);
        accounts().recordLogin(read.id(), at);

        accounts().update(read.withRehashedPassword(new PasswordHash("argon2id$v=19$rehashed")));

        Account found = accounts().findById(read.id()).orElseThrow();
        assertThat(found.lastLoginAt().map(AccountStoreContract::millis)).contains(at);
        assertThat(found.passwordHash().encoded()).isEqualTo("argon2id$v=19$rehashed");
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void record_login_of_an_unknown_account_does_nothing() {
        accounts().recordLogin(new AccountId(Long.MAX_VALUE - 13), NOW);

        assertThat(accounts().findById(new AccountId(Long.MAX_VALUE - 13))).isEmpty();
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void an_account_added_in_a_transaction_is_found_within_it_and_after_it() {
        NewAccount candidate = newAccount().build();

        AccountId id = transactions().inTransaction(() -> {
            Account stored = accounts().add(candidate);
            assertThat(accounts().findByEmail(candidate.email().orElseThrow())).map(Account::id).contains(stored.id());
            return stored.id();
        });

        assertThat(accounts().findById(id)).isPresent();
    }

    // ---------------------------------------------------------------- helpers

    /** The account with every instant truncated to milliseconds, for comparisons across stores. */
    protected static Account normalised(Account a) {
        return new Account(a.id(), a.username(), a.email(), a.emailVerified(), a.active(), a.passwordHash(),
                a.profile(), millis(a.createdAt()), a.lastLoginAt().map(AccountStoreContract::millis),
                millis(a.passwordChangedAt()), a.version());
    }

    protected static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
