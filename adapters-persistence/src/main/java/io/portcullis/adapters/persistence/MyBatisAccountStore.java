package io.portcullis.adapters.persistence;

import static io.portcullis.adapters.persistence.SqlFailures.guard;
import static io.portcullis.adapters.persistence.SqlFailures.guardUnique;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.account.Username;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Accounts in the {@code accounts} table. Uniqueness of the canonical (lower-case) address and
 * username is the database's unique indexes; a violation becomes {@code DuplicateAccountException}
 * naming the attribute. {@link #update} is an optimistic lock on the version column. Instants
 * are stored to the microsecond.
 */
public final class MyBatisAccountStore implements AccountStore {

    private final AccountMapper mapper;
    private final AccountRows rows = new AccountRows();

    public MyBatisAccountStore(Database database) {
        this.mapper = Objects.requireNonNull(database, "database").sessions().getMapper(AccountMapper.class);
    }

    @Override
    public Account add(NewAccount account) {
        AccountWrite write = rows.forInsert(account);
        guardUnique("adding an account", () -> mapper.insert(write));
        if (write.id == null) {
            throw new PersistenceFailureException("adding an account", "the database returned no id", null, false,
                    null);
        }
        return account.withId(new AccountId(write.id));
    }

    @Override
    public Optional<Account> findById(AccountId id) {
        return guard("finding an account by id",
                () -> Optional.ofNullable(mapper.selectById(id.value())).map(rows::toAccount));
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return guard("finding an account by e-mail",
                () -> Optional.ofNullable(mapper.selectByEmailCanonical(email.canonical())).map(rows::toAccount));
    }

    @Override
    public Optional<Account> findByUsername(Username username) {
        return guard("finding an account by username",
                () -> Optional.ofNullable(mapper.selectByUsernameCanonical(username.canonical())).map(rows::toAccount));
    }

    @Override
    public boolean emailTaken(EmailAddress email) {
        return guard("checking whether an e-mail address is taken",
                () -> mapper.countByEmailCanonical(email.canonical()) > 0);
    }

    @Override
    public boolean usernameTaken(Username username) {
        return guard("checking whether a username is taken",
                () -> mapper.countByUsernameCanonical(username.canonical()) > 0);
    }

    @Override
    public void update(Account changed) {
        AccountWrite write = rows.forUpdate(changed);
        int updated = guardUnique("updating an account", () -> mapper.update(write, changed.version() - 1));
        if (updated == 0) {
            throw new ConcurrentUpdateException("account " + changed.id());
        }
    }

    /** Sets the last login alone; the version stays. An unknown id changes nothing. */
    @Override
    public void recordLogin(AccountId id, Instant at) {
        Objects.requireNonNull(at, "at");
        guard("recording a login", () -> mapper.updateLastLogin(id.value(), at));
    }
}
