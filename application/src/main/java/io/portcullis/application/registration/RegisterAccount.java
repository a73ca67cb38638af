package io.portcullis.application.registration;

import io.portcullis.application.confirmation.EmailConfirmations;
import io.portcullis.application.mail.MailVariables;
import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.DuplicateAccountException;
import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.port.PasswordHasher;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.ratelimit.RateLimitedAction;
import io.portcullis.application.ratelimit.RateLimits;
import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.EnumerationProtection;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.application.timing.TimingEqualizer;
import io.portcullis.application.token.Credentials;
import io.portcullis.application.token.SessionOpener;
import io.portcullis.application.token.TokenPair;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.NewAccount;
import io.portcullis.domain.account.Profile;
import io.portcullis.domain.account.Username;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import io.portcullis.domain.password.PasswordSubject;
import io.portcullis.domain.profile.ProfileSchema;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates an account. Fields are checked in the order of dj-rest-auth's register serializer;
 * the checks that need the whole form (matching passwords, similarity) run only when every
 * field passed, so a client sees the same errors it would see from dj-rest-auth.
 */
public final class RegisterAccount {

    /**
     * @param languages the client's preferred languages, best first, for the confirmation mail
     * @param client who registers, recorded on the session a registration without mandatory
     *     verification opens
     */
    public record Command(
            FieldInput username,
            FieldInput email,
            FieldInput password1,
            FieldInput password2,
            Map<String, FieldInput> profile,
            List<String> languages,
            ClientDetails client) {

        public Command {
            profile = Map.copyOf(profile);
            languages = List.copyOf(languages);
            Objects.requireNonNull(client, "client");
        }

        public Command(FieldInput username, FieldInput email, FieldInput password1, FieldInput password2,
                Map<String, FieldInput> profile, List<String> languages) {
            this(username, email, password1, password2, profile, languages, ClientDetails.unknown());
        }

        public Command(FieldInput username, FieldInput email, FieldInput password1, FieldInput password2,
                Map<String, FieldInput> profile) {
            this(username, email, password1, password2, profile, List.of());
        }
    }

    public sealed interface Outcome {
        /** Credentials are present unless the address must be confirmed before the first login. */
        record Registered(Account account, Optional<Credentials> credentials) implements Outcome {

            /** The JWT pair, in JWT mode. */
            public Optional<TokenPair> tokens() {
                return credentials.map(TokenPair.class::cast);
            }
        }

        /**
         * The address already belongs to an account, whose owner was mailed a notice instead. With
         * enumeration protection the client must get the answer of a registration awaiting
         * confirmation, so it cannot tell the two apart.
         */
        record OwnerNotified() implements Outcome {}

        record Rejected(ValidationErrors errors) implements Outcome {}
    }

    static final String PASSWORDS_DIFFER = "The two password fields didn't match.";

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final SessionOpener issuer;
    private final AccountSettings settings;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final RegistrationFields fields;
    private final EmailConfirmations confirmations;
    private final MailFlowSettings mail;
    private final MailOutbox outbox;
    private final boolean hideTakenAddresses;
    private final TimingEqualizer timing = new TimingEqualizer();
    private final RateLimits limits;
    private final AuditTrail audit;

    /** @param limits counts every registration per client IP, before any field is checked */
    public RegisterAccount(AccountStore accounts, PasswordHasher hasher, SessionOpener issuer,
            EmailConfirmations confirmations, MailOutbox outbox, AccountSettings settings, MailFlowSettings mail,
            EnumerationProtection protection, TransactionRunner transactions, Clock clock, RateLimits limits,
            AuditTrail audit) {
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.accounts = accounts;
        this.confirmations = confirmations;
        this.mail = mail;
        this.hasher = hasher;
        this.issuer = issuer;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.outbox = outbox;
        // Only a registration that hands out no tokens can hide that the address was taken.
        this.hideTakenAddresses = protection.enabled() && settings.emailVerification() == EmailVerification.MANDATORY;
        this.fields = new RegistrationFields(accounts, settings, !hideTakenAddresses);
    }

    public Outcome register(Command command) {
        limits.consume(RateLimitedAction.SIGNUP, command.client(), Optional.empty());
        var errors = ValidationErrors.builder();
        Optional<Username> username = fields.username(command.username(), errors);
        Optional<EmailAddress> email = fields.email(command.email(), errors);
        Optional<String> password1 = fields.password("password1", command.password1(), true, errors);
        Optional<String> password2 = fields.password("password2", command.password2(), false, errors);
        Map<String, String> profileValues =
                settings.profile().read(command.profile(), ProfileSchema.Purpose.REGISTRATION, errors);
        if (errors.hasErrors()) {
            return new Outcome.Rejected(errors.build());
        }
        if (!password1.get().equals(password2.get())) {
            return new Outcome.Rejected(ValidationErrors.nonField(PASSWORDS_DIFFER));
        }
        Profile profile = new Profile(profileValues);
        var similar = settings.passwordPolicy().check(
                password1.get(), Optional.of(PasswordSubject.of(username, email, profile, settings.profile())));
        if (!similar.isEmpty()) {
            return new Outcome.Rejected(ValidationErrors.builder().addAll(ValidationErrors.NON_FIELD, similar).build());
        }
        Instant now = clock.instant();
        var candidate = new NewAccount(username, email, false, hasher.hash(password1.get()), profile, now);
        String language = mail.languageFor(command.languages());
        long started = timing.start();
        Outcome outcome = store(candidate, language, command.client(), now);
        if (hideTakenAddresses) {
            timing.finished(started, outcome instanceof Outcome.Registered);
        }
        return outcome;
    }

    private Outcome store(NewAccount candidate, String language, ClientDetails client, Instant now) {
        try {
            return transactions.inTransaction(() -> createOrNotify(candidate, language, client, now));
        } catch (DuplicateAccountException e) {
            // Another registration won the race between our check and our insert.
            if (hideTakenAddresses && e.attribute() == DuplicateAccountException.Attribute.EMAIL) {
                return transactions.inTransaction(() -> createOrNotify(candidate, language, client, now));
            }
            return new Outcome.Rejected(fields.duplicateError(e.attribute()));
        }
    }

    private Outcome createOrNotify(NewAccount candidate, String language, ClientDetails client, Instant now) {
        if (hideTakenAddresses) {
            Optional<Account> owner = candidate.email().flatMap(accounts::findByEmail);
            if (owner.isPresent()) {
                notifyOwner(owner.get(), language, now);
                // The client cannot tell; the trail shows someone tried to register the owner's address.
                audit.record(AuthenticationEvent.failed(AuthenticationEventType.ACCOUNT_CREATED, now,
                        Optional.of(owner.get().id()), client, AuditReasons.ADDRESS_TAKEN));
                return new Outcome.OwnerNotified();
            }
        }
        return create(candidate, language, client, now);
    }

    private void notifyOwner(Account owner, String language, Instant now) {
        var variables = MailVariables.forAccount(owner, mail);
        variables.put("password_reset_url", "");
        outbox.enqueue(new OutgoingMail(MailKind.ACCOUNT_ALREADY_EXISTS, owner.email().orElseThrow(), language,
                variables), now);
    }

    private Outcome create(NewAccount candidate, String language, ClientDetails client, Instant now) {
        Account account = accounts.add(candidate);
        audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.ACCOUNT_CREATED, now, account.id(), client));
        if (settings.emailVerification() != EmailVerification.NONE && account.email().isPresent()) {
            confirmations.send(account, MailKind.EMAIL_CONFIRMATION_SIGNUP, language, now);
        }
        Optional<Credentials> credentials = settings.emailVerification() == EmailVerification.MANDATORY
                ? Optional.empty()
                : Optional.of(issuer.openSession(account.id(), now, client));
        // A registration that opens a session is a login too, as allauth signals user_logged_in after signup.
        credentials.ifPresent(opened -> audit.record(AuthenticationEvent.succeeded(
                AuthenticationEventType.LOGIN_SUCCEEDED, now, account.id(), client)));
        return new Outcome.Registered(account, credentials);
    }
}
