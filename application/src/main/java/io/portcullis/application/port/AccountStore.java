package io.portcullis.application.port;

import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.account.Username;
import java.util.Optional;

/** The accounts of the deployment. */
public interface AccountStore {

    /**
     * Stores a new account and returns it with its id.
     *
     * @throws DuplicateAccountException when the address or username already belongs to an account
     */
    Account add(NewAccount account);

    Optional<Account> findById(AccountId id);

    /** Finds by address, ignoring letter case. */
    Optional<Account> findByEmail(EmailAddress email);

    /** Finds by username, ignoring letter case. */
    Optional<Account> findByUsername(Username username);

    boolean emailTaken(EmailAddress email);

    boolean usernameTaken(Username username);

    /**
     * Writes a changed account, provided nobody wrote it since {@code changed.version() - 1} was read.
     * The creation and last-login times are not written: they have their own writers.
     *
     * @throws ConcurrentUpdateException when the stored version moved on
     * @throws DuplicateAccountException when a changed username now collides with another account
     */
    void update(Account changed);

    /** Notes a successful login. Not a change of the account's content: the version stays. */
    void recordLogin(AccountId id, java.time.Instant at);
}
