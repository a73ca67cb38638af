package io.portcullis.application.login;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.PasswordHasher;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.ratelimit.RateLimits;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.token.Credentials;
import io.portcullis.application.token.SessionOpener;
import io.portcullis.application.token.TokenPair;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.PasswordHash;
import io.portcullis.domain.account.Username;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.Messages;
import io.portcullis.domain.validation.TextField;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Checks credentials and starts a session with its first pair of tokens. */
public final class LogIn {

    /** @param client who logs in, recorded on the session the login opens */
    public record Command(FieldInput username, FieldInput email, FieldInput password, ClientDetails client) {

        public Command {
            java.util.Objects.requireNonNull(client, "client");
        }

        public Command(FieldInput username, FieldInput email, FieldInput password) {
            this(username, email, password, ClientDetails.unknown());
        }
    }

    public sealed interface Outcome {
        record LoggedIn(Account account, Credentials credentials) implements Outcome {

            /** The JWT pair; only in JWT mode. */
            public TokenPair tokens() {
                return (TokenPair) credentials;
            }
        }

        record Rejected(ValidationErrors errors) implements Outcome {}
    }

    static final String BAD_CREDENTIALS = "Unable to log in with provided credentials.";
    static final String NOT_VERIFIED = "E-mail is not verified.";

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final SessionOpener issuer;
    private final AccountSettings settings;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final RateLimits limits;
    private final AuditTrail audit;

    /** @param limits counts failed logins and refuses held-back ones before their password is checked */
    public LogIn(AccountStore accounts, PasswordHasher hasher, SessionOpener issuer, AccountSettings settings,
            TransactionRunner transactions, Clock clock, RateLimits limits, AuditTrail audit) {
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.accounts = accounts;
        this.hasher = hasher;
        this.issuer = issuer;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome logIn(Command command) {
        var errors = ValidationErrors.builder();
        Optional<String> username = TextField.optional().allowingBlank().read("username", command.username(), errors);
        Optional<String> email = TextField.optional().allowingBlank().read("email", command.email(), errors);
        if (email.isPresent() && !email.get().isEmpty() && !EmailAddress.isValid(email.get())) {
            errors.add("email", Messages.INVALID_EMAIL);
        }
        Optional<String> password = TextField.required().maxLength(settings.passwordMaxLength())
                .read("password", command.password(), errors);
        if (errors.hasErrors()) {
            refused(Optional.empty(), command.client(), AuditReasons.INCOMPLETE);
            return new Outcome.Rejected(errors.build());
        }
        Optional<String> givenEmail = email.filter(e -> !e.isEmpty());
        Optional<String> givenUsername = username.filter(u -> !u.isEmpty());
        Optional<String> login = switch (settings.loginMethod()) {
            case EMAIL -> givenEmail;
            case USERNAME -> givenUsername;
            case USERNAME_EMAIL -> givenEmail.or(() -> givenUsername);
        };
        Optional<Optional<Account>> lookup = switch (settings.loginMethod()) {
            case EMAIL -> givenEmail.map(this::byEmail);
            case USERNAME -> givenUsername.map(this::byUsername);
            case USERNAME_EMAIL -> givenEmail.map(this::byEmail).or(() -> givenUsername.map(this::byUsernameOrEmail));
        };
        if (lookup.isEmpty() || password.isEmpty()) {
            refused(Optional.empty(), command.client(), AuditReasons.INCOMPLETE);
            return reject(missingCredentialsMessage());
        }
        return authenticate(lookup.get(), login.orElseThrow(), password.get(), command.client());
    }

    private Outcome authenticate(Optional<Account> found, String login, String password, ClientDetails client) {
        // Failures count against the account whichever way it was named, or the login as typed.
        String counted = found.map(account -> "account:" + account.id().value())
                .orElseGet(() -> "login:" + login.strip().toLowerCase(Locale.ROOT));
        RateLimits.LoginAttempt attempt = limits.loginAttempt(client, counted);
        // An unknown login, and an account without a usable password (created by social login), pay
        // for one hash check too, so timing does not tell them from a wrong password.
        Optional<PasswordHash> usable = found.map(Account::passwordHash).filter(PasswordHash::usable);
        boolean matches = hasher.matches(password, usable.orElseGet(hasher::decoy)) && usable.isPresent();
        Optional<AccountId> id = found.map(Account::id);
        if (found.isEmpty() || !matches || !found.get().active()) {
            attempt.failed();
            // The answer is the same for all three; the trail tells them apart for an investigation.
            refused(id, client, found.isEmpty() ? AuditReasons.UNKNOWN_ACCOUNT
                    : !matches ? AuditReasons.WRONG_PASSWORD : AuditReasons.INACTIVE);
            return reject(BAD_CREDENTIALS);
        }
        attempt.succeeded();
        Account account = found.get();
        if (settings.emailVerification() == EmailVerification.MANDATORY && !account.emailVerified()) {
            refused(id, client, AuditReasons.NOT_VERIFIED);
            return reject(NOT_VERIFIED);
        }
        Optional<PasswordHash> upgraded = hasher.needsRehash(account.passwordHash())
                ? Optional.of(hasher.hash(password))
                : Optional.empty();
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            upgraded.ifPresent(newHash -> upgradeHash(account, newHash));
            accounts.recordLogin(account.id(), now);
            audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.LOGIN_SUCCEEDED, now, account.id(),
                    client));
            return new Outcome.LoggedIn(account, issuer.openSession(account.id(), now, client));
        });
    }

    /** Nothing changes with a refused login, so its event is recorded on its own. */
    private void refused(Optional<AccountId> account, ClientDetails client, String reason) {
        audit.record(AuthenticationEvent.failed(AuthenticationEventType.LOGIN_FAILED, clock.instant(), account, client,
                reason));
    }

    private void upgradeHash(Account account, PasswordHash hash) {
        try {
            accounts.update(account.withRehashedPassword(hash));
        } catch (ConcurrentUpdateException e) {
            // Another request changed the account meanwhile; the next login upgrades the hash.
        }
    }

    private Optional<Account> byEmail(String email) {
        return EmailAddress.parse(email).flatMap(accounts::findByEmail);
    }

    private Optional<Account> byUsername(String username) {
        return Username.parse(username).flatMap(accounts::findByUsername);
    }

    private Optional<Account> byUsernameOrEmail(String login) {
        return byUsername(login).or(() -> byEmail(login));
    }

    private String missingCredentialsMessage() {
        return switch (settings.loginMethod()) {
            case EMAIL -> "Must include \"email\" and \"password\".";
            case USERNAME -> "Must include \"username\" and \"password\".";
            case USERNAME_EMAIL -> "Must include either \"username\" or \"email\" and \"password\".";
        };
    }

    private static Outcome reject(String message) {
        return new Outcome.Rejected(ValidationErrors.nonField(message));
    }
}
