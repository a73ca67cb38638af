package io.portcullis.application.social;

import io.portcullis.application.confirmation.EmailConfirmations;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.application.port.DuplicateSocialAccountException;
import io.portcullis.application.port.ExternalIdentity;
import io.portcullis.application.port.IdentityProvider;
import io.portcullis.application.port.IdentityRejectedException;
import io.portcullis.application.port.KeyGenerator;
import io.portcullis.application.port.ProviderUnavailableException;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.application.port.SocialAccountStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.ratelimit.RateLimitedAction;
import io.portcullis.application.ratelimit.RateLimits;
import io.portcullis.application.registration.RegistrationFields;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.application.settings.SocialSettings;
import io.portcullis.application.token.Credentials;
import io.portcullis.application.token.SessionOpener;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.account.PasswordHash;
import io.portcullis.domain.account.Profile;
import io.portcullis.domain.account.Username;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.profile.ProfileSchema;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.social.SocialAccount;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.Messages;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Logs in with an identity a social provider vouches for, as allauth's social login does. The
 * identity is known by {@code (provider, subject)}, never by its address:
 *
 * <ul>
 *   <li>a linked identity logs its account in, as a password login would (same session, same
 *       credentials, same refusal of an inactive or unverified account);
 *   <li>an unlinked identity whose address belongs to an account is linked to it only when the
 *       provider asserts the address as verified and {@link SocialSettings#autoConnect()} allows;
 *       otherwise the answer tells its owner to log in to that account and connect;
 *   <li>any other identity creates an account without a usable password, with a generated
 *       username when usernames are on, the profile fields of the request, and the address the
 *       provider gave (verified when the provider asserts it) or, when it gave none, the request's
 *       {@code email}. An unverified address under mandatory verification gets its confirmation
 *       mail and the login is refused until it is confirmed, as after a registration.
 * </ul>
 *
 * <p>Every attempt goes to the audit trail: {@code login_succeeded} or {@code login_failed} (with
 * reasons such as {@code provider_refused}, {@code address_taken}, {@code not_verified}), and
 * {@code account_created} and {@code social_account_connected} when the login creates or links.
 *
 * <p>The provider is asked before anything is written; an authorization code is good once, so a
 * request refused after that (a missing required profile field, say) needs a new code.
 */
public final class SocialLogIn {

    /**
     * @param email the address to use when the provider gives none (an unverified address then)
     * @param profile the profile fields an account created now takes, as registration reads them
     * @param languages the client's preferred languages, for a confirmation mail
     */
    public record Command(String provider, ProviderProof proof, FieldInput email, Map<String, FieldInput> profile,
            List<String> languages, ClientDetails client) {

        public Command {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(proof, "proof");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(client, "client");
            profile = Map.copyOf(profile);
            languages = List.copyOf(languages);
        }

        public Command(String provider, ProviderProof proof) {
            this(provider, proof, FieldInput.absent(), Map.of(), List.of(), ClientDetails.unknown());
        }
    }

    public sealed interface Outcome {
        /** @param signedUp the login created the account */
        record LoggedIn(Account account, Credentials credentials, boolean signedUp) implements Outcome {}

        record Rejected(ValidationErrors errors) implements Outcome {}

        record UnknownProvider() implements Outcome {}
    }

    static final String NOT_VERIFIED = "E-mail is not verified.";
    static final String INACTIVE = "This account is inactive.";
    static final String ACCOUNT_EXISTS = "An account already exists with this e-mail address. Please sign in to that"
            + " account first, then connect your %s account.";
    static final String SIGNUP_CLOSED = "No account is linked to this %s account, and signing up with it is closed."
            + " Please sign in to your account first, then connect your %s account.";

    private final IdentityProviders providers;
    private final AccountStore accounts;
    private final SocialAccountStore socialAccounts;
    private final SessionOpener sessions;
    private final EmailConfirmations confirmations;
    private final KeyGenerator keys;
    private final AccountSettings settings;
    private final SocialSettings social;
    private final MailFlowSettings mail;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final RegistrationFields fields;
    private final UsernameSuggestions usernames;
    private final AuditTrail audit;
    private final RateLimits limits;

    public SocialLogIn(IdentityProviders providers, AccountStore accounts, SocialAccountStore socialAccounts,
            SessionOpener sessions, EmailConfirmations confirmations, KeyGenerator keys, AccountSettings settings,
            SocialSettings social, MailFlowSettings mail, TransactionRunner transactions, Clock clock,
            RateLimits limits, AuditTrail audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.providers = providers;
        this.accounts = accounts;
        this.socialAccounts = socialAccounts;
        this.sessions = sessions;
        this.confirmations = confirmations;
        this.keys = keys;
        this.settings = settings;
        this.social = social;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
        this.fields = new RegistrationFields(accounts, settings, true);
        this.usernames = new UsernameSuggestions(accounts, keys, settings.usernameMinLength());
    }

    /**
     * @throws io.portcullis.application.port.ProviderUnavailableException when the provider cannot
     *     be asked; nothing was written
     */
    public Outcome logIn(Command command) {
        Optional<IdentityProvider> provider = providers.find(command.provider());
        if (provider.isEmpty()) {
            return new Outcome.UnknownProvider();
        }
        // Refused proofs count as failed logins of the (provider, IP) pair: each one costs a call to
        // the provider, which a client must not be able to make us repeat without end.
        RateLimits.LoginAttempt attempt = limits.loginAttempt(command.client(), "social:" + provider.get().id());
        ExternalIdentity identity;
        try {
            identity = provider.get().identify(command.proof());
            attempt.succeeded();
        } catch (IdentityRejectedException e) {
            attempt.failed();
            failed(Optional.empty(), command.client(), AuditReasons.PROVIDER_REFUSED);
            return reject(e.getMessage());
        } catch (ProviderUnavailableException e) {
            failed(Optional.empty(), command.client(), AuditReasons.PROVIDER_UNAVAILABLE);
            throw e;
        }
        String id = provider.get().id();
        Optional<SocialAccount> link = socialAccounts.find(id, identity.subject());
        if (link.isPresent()) {
            return logInLinked(link.get(), identity, command.client());
        }
        Optional<Account> sameAddress = identity.email().flatMap(accounts::findByEmail);
        if (sameAddress.isPresent()) {
            if (identity.emailVerified() && social.autoConnect()) {
                return connectAndLogIn(sameAddress.get(), id, identity, command.client());
            }
            failed(sameAddress.map(Account::id), command.client(), AuditReasons.ADDRESS_TAKEN);
            return reject(ACCOUNT_EXISTS.formatted(id));
        }
        if (!social.autoSignup()) {
            failed(Optional.empty(), command.client(), AuditReasons.SIGNUP_CLOSED);
            return reject(SIGNUP_CLOSED.formatted(id, id));
        }
        return signUp(id, identity, command);
    }

    private Outcome logInLinked(SocialAccount link, ExternalIdentity identity, ClientDetails client) {
        Account account = accounts.findById(link.account())
                .orElseThrow(() -> new IllegalStateException("a social account outlived its account"));
        Instant now = clock.instant();
        return admit(account, identity, client, now,
                () -> socialAccounts.recordLogin(link.id(), identity.details(), now));
    }

    private Outcome connectAndLogIn(Account account, String provider, ExternalIdentity identity, ClientDetails client) {
        if (!account.active()) {
            failed(Optional.of(account.id()), client, AuditReasons.INACTIVE);
            return reject(INACTIVE);
        }
        Instant now = clock.instant();
        try {
            return admit(account, identity, client, now, () -> {
                socialAccounts.link(account.id(), provider, identity.subject(), identity.details(), now);
                audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.SOCIAL_ACCOUNT_CONNECTED, now,
                        account.id(), client));
            });
        } catch (DuplicateSocialAccountException e) {
            // A concurrent login linked the identity first: log in through that link.
            return socialAccounts.find(provider, identity.subject())
                    .map(link -> logInLinked(link, identity, client))
                    .orElseThrow(() -> e);
        }
    }

    /**
     * Lets an existing account in as LogIn does. The provider's word that the account's own address
     * is verified confirms it, as allauth takes a verified address from a provider.
     */
    private Outcome admit(Account account, ExternalIdentity identity, ClientDetails client, Instant now,
            Runnable linkWork) {
        if (!account.active()) {
            failed(Optional.of(account.id()), client, AuditReasons.INACTIVE);
            return reject(INACTIVE);
        }
        boolean confirmsAddress = !account.emailVerified() && identity.emailVerified()
                && account.email().map(EmailAddress::canonical).equals(identity.email().map(EmailAddress::canonical));
        if (settings.emailVerification() == EmailVerification.MANDATORY && !account.emailVerified()
                && !confirmsAddress) {
            failed(Optional.of(account.id()), client, AuditReasons.NOT_VERIFIED);
            return reject(NOT_VERIFIED);
        }
        return transactions.inTransaction(() -> {
            linkWork.run();
            Account current = account;
            if (confirmsAddress) {
                try {
                    accounts.update(account.withEmailVerified());
                    current = account.withEmailVerified();
                } catch (ConcurrentUpdateException e) {
                    // Another request changed the account meanwhile; the next login through the provider confirms it.
                }
            }
            accounts.recordLogin(account.id(), now);
            audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.LOGIN_SUCCEEDED, now, account.id(),
                    client));
            return new Outcome.LoggedIn(current, sessions.openSession(account.id(), now, client), false);
        });
    }

    private Outcome signUp(String provider, ExternalIdentity identity, Command command) {
        limits.consume(RateLimitedAction.SIGNUP, command.client(), Optional.empty());
        var errors = ValidationErrors.builder();
        Optional<EmailAddress> email = identity.email().isPresent()
                ? identity.email()
                : fields.email(command.email(), errors);
        boolean verified = identity.emailVerified();
        Map<String, String> profileValues =
                settings.profile().read(command.profile(), ProfileSchema.Purpose.REGISTRATION, errors);
        if (errors.hasErrors()) {
            failed(Optional.empty(), command.client(), AuditReasons.SIGNUP_INCOMPLETE);
            return new Outcome.Rejected(errors.build());
        }
        if (email.isEmpty() && !settings.usernameEnabled()) {
            // Only reachable when neither is required, which the account settings forbid; kept for safety.
            return new Outcome.Rejected(ValidationErrors.of("email", Messages.REQUIRED));
        }
        Optional<Username> username = settings.usernameEnabled()
                ? Optional.of(usernames.suggest(identity, email))
                : Optional.empty();
        Instant now = clock.instant();
        var candidate = new NewAccount(username, email, verified, PasswordHash.unusable(keys.newKey().value()),
                new Profile(profileValues), now);
        String language = mail.languageFor(command.languages());
        try {
            return transactions.inTransaction(() -> {
                Account account = accounts.add(candidate);
                socialAccounts.link(account.id(), provider, identity.subject(), identity.details(), now);
                audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.ACCOUNT_CREATED, now, account.id(),
                        command.client()));
                audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.SOCIAL_ACCOUNT_CONNECTED, now,
                        account.id(), command.client()));
                if (settings.emailVerification() != EmailVerification.NONE && !verified && email.isPresent()) {
                    confirmations.send(account, MailKind.EMAIL_CONFIRMATION_SIGNUP, language, now);
                }
                if (settings.emailVerification() == EmailVerification.MANDATORY && !verified) {
                    // The account stays, with its link and its confirmation mail: the login waits for the address.
                    audit.record(AuthenticationEvent.failed(AuthenticationEventType.LOGIN_FAILED, now,
                            Optional.of(account.id()), command.client(), AuditReasons.NOT_VERIFIED));
                    return reject(NOT_VERIFIED);
                }
                accounts.recordLogin(account.id(), now);
                audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.LOGIN_SUCCEEDED, now, account.id(),
                        command.client()));
                return new Outcome.LoggedIn(account, sessions.openSession(account.id(), now, command.client()), true);
            });
        } catch (DuplicateAccountException e) {
            // A concurrent first login of the same identity created the account first: log in through its link.
            return socialAccounts.find(provider, identity.subject())
                    .map(link -> logInLinked(link, identity, command.client()))
                    .orElseGet(() -> new Outcome.Rejected(fields.duplicateError(e.attribute())));
        } catch (DuplicateSocialAccountException e) {
            return socialAccounts.find(provider, identity.subject())
                    .map(link -> logInLinked(link, identity, command.client()))
                    .orElseThrow(() -> e);
        }
    }

    /** A refused login, outside any transaction: nothing else is written. */
    private void failed(Optional<AccountId> account, ClientDetails client, String reason) {
        audit.record(AuthenticationEvent.failed(AuthenticationEventType.LOGIN_FAILED, clock.instant(), account, client,
                reason));
    }

    private static Outcome reject(String message) {
        return new Outcome.Rejected(ValidationErrors.nonField(message));
    }
}
