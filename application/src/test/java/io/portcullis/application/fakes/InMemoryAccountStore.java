package io.portcullis.application.fakes;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.account.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@link AccountStore} in memory, for use-case tests. It behaves as the database adapter does
 * (see {@code AccountStoreContract}): uniqueness of the canonical address and username, optimistic
 * locking on the version, ids from 1 upward. Thread-safe: every method holds the store's lock.
 */
public class InMemoryAccountStore implements AccountStore {

    private final Map<Long, Account> accounts = new TreeMap<>();
    private long lastId;

    @Override
    public synchronized Account add(NewAccount account) {
        Objects.requireNonNull(account, "account");
        checkUnique(account.username(), account.email(), 0);
        Account stored = account.withId(new AccountId(++lastId));
        accounts.put(stored.id().value(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Account> findById(AccountId id) {
        return Optional.ofNullable(accounts.get(id.value()));
    }

    @Override
    public synchronized Optional<Account> findByEmail(EmailAddress email) {
        return accounts.values().stream()
                .filter(a -> a.email().map(EmailAddress::canonical).equals(Optional.of(email.canonical())))
                .findFirst();
    }

    @Override
    public synchronized Optional<Account> findByUsername(Username username) {
        return accounts.values().stream()
                .filter(a -> a.username().map(Username::canonical).equals(Optional.of(username.canonical())))
                .findFirst();
    }

    @Override
    public synchronized boolean emailTaken(EmailAddress email) {
        return findByEmail(email).isPresent();
    }

    @Override
    public synchronized boolean usernameTaken(Username username) {
        return findByUsername(username).isPresent();
    }

    /**
     * Writes the content of {@code changed} when the stored version is exactly one less. The
     * creation instant and the last login are not content: the stored ones stay.
     */
    @Override
    public synchronized void update(Account changed) {
        Account stored = accounts.get(changed.id().value());
        if (stored == null || stored.version() != changed.version() - 1) {
            throw new ConcurrentUpdateException("account " + changed.id());
        }
        checkUnique(changed.username(), changed.email(), changed.id().value());
        accounts.put(stored.id().value(), new Account(stored.id(), changed.username(), changed.email(),
                changed.emailVerified(), changed.active(), changed.passwordHash(), changed.profile(),
                stored.createdAt(), stored.lastLoginAt(), changed.passwordChangedAt(), changed.version()));
    }

    /** Sets the last login and leaves the version; an unknown id is ignored. */
    @Override
    public synchronized void recordLogin(AccountId id, Instant at) {
        Objects.requireNonNull(at, "at");
        Account a = accounts.get(id.value());
        if (a != null) {
            accounts.put(id.value(), new Account(a.id(), a.username(), a.email(), a.emailVerified(), a.active(),
                    a.passwordHash(), a.profile(), a.createdAt(), Optional.of(at), a.passwordChangedAt(), a.version()));
        }
    }

    /** Every stored account, by id: for assertions. */
    public synchronized List<Account> all() {
        return new ArrayList<>(accounts.values());
    }

    public synchronized int size() {
        return accounts.size();
    }

    private void checkUnique(Optional<Username> username, Optional<EmailAddress> email, long exceptId) {
        for (Account other : accounts.values()) {
            if (other.id().value() == exceptId) {
                continue;
            }
            if (email.isPresent() && other.email().map(EmailAddress::canonical)
                    .equals(Optional.of(email.get().canonical()))) {
                throw new DuplicateAccountException(DuplicateAccountException.Attribute.EMAIL);
            }
            if (username.isPresent() && other.username().map(Username::canonical)
                    .equals(Optional.of(username.get().canonical()))) {
                throw new DuplicateAccountException(DuplicateAccountException.Attribute.USERNAME);
            }
        }
    }
}
