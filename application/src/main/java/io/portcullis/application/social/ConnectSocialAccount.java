package io.portcullis.application.social;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.DuplicateSocialAccountException;
import io.portcullis.application.port.ExternalIdentity;
import io.portcullis.application.port.IdentityProvider;
import io.portcullis.application.port.IdentityRejectedException;
import io.portcullis.application.port.ProviderUnavailableException;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.application.port.SocialAccountStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.application.token.Credentials;
import io.portcullis.application.token.SessionOpener;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.AccountId;
import io.portcullis.domain.audit.AuditReasons;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.social.SocialAccount;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Links a provider identity to the caller's account, whatever its address says (the caller proved
 * both). An identity linked to another account is refused; one already linked to the caller stays
 * as it is. Like dj-rest-auth's connect view, the answer is a login of the caller: a new session
 * with its credentials. A new link is a {@code social_account_connected} event and opens the
 * session a {@code login_succeeded} event reports; a refusal is a failed
 * {@code social_account_connected} with its reason.
 */
public final class ConnectSocialAccount {

    public record Command(AccountId account, String provider, ProviderProof proof, ClientDetails client) {

        public Command {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(proof, "proof");
            Objects.requireNonNull(client, "client");
        }
    }

    public sealed interface Outcome {
        record Connected(Account account, SocialAccount link, Credentials credentials) implements Outcome {}

        record Rejected(ValidationErrors errors) implements Outcome {}

        record UnknownProvider() implements Outcome {}

        /** The caller's account is gone or inactive. */
        record Gone() implements Outcome {}
    }

    static final String CONNECTED_ELSEWHERE = "The social account is already connected to a different account.";

    private final IdentityProviders providers;
    private final AccountStore accounts;
    private final SocialAccountStore socialAccounts;
    private final SessionOpener sessions;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final AuditTrail audit;

    public ConnectSocialAccount(IdentityProviders providers, AccountStore accounts, SocialAccountStore socialAccounts,
            SessionOpener sessions, TransactionRunner transactions, Clock clock, AuditTrail audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.providers = providers;
        this.accounts = accounts;
        this.socialAccounts = socialAccounts;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws io.portcullis.application.port.ProviderUnavailableException when the provider cannot
     *     be asked; nothing was written
     */
    public Outcome connect(Command command) {
        Optional<IdentityProvider> provider = providers.find(command.provider());
        if (provider.isEmpty()) {
            return new Outcome.UnknownProvider();
        }
        ExternalIdentity identity;
        try {
            identity = provider.get().identify(command.proof());
        } catch (IdentityRejectedException e) {
            refused(command, AuditReasons.PROVIDER_REFUSED);
            return new Outcome.Rejected(ValidationErrors.nonField(e.getMessage()));
        } catch (ProviderUnavailableException e) {
            refused(command, AuditReasons.PROVIDER_UNAVAILABLE);
            throw e;
        }
        Optional<Account> caller = accounts.findById(command.account()).filter(Account::active);
        if (caller.isEmpty()) {
            refused(command, AuditReasons.INACTIVE);
            return new Outcome.Gone();
        }
        String id = provider.get().id();
        try {
            return link(command, id, identity, caller.get());
        } catch (DuplicateSocialAccountException e) {
            // Linked by a concurrent request between our look-up and our insert: the second pass sees whose it is.
            return link(command, id, identity, caller.get());
        }
    }

    private Outcome link(Command command, String provider, ExternalIdentity identity, Account caller) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Optional<SocialAccount> existing = socialAccounts.find(provider, identity.subject());
            if (existing.isPresent() && !existing.get().account().equals(command.account())) {
                refused(command, AuditReasons.CONNECTED_ELSEWHERE);
                return new Outcome.Rejected(ValidationErrors.nonField(CONNECTED_ELSEWHERE));
            }
            SocialAccount link;
            if (existing.isPresent()) {
                socialAccounts.recordLogin(existing.get().id(), identity.details(), now);
                link = socialAccounts.findById(existing.get().id()).orElseThrow();
            } else {
                link = socialAccounts.link(command.account(), provider, identity.subject(), identity.details(), now);
                audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.SOCIAL_ACCOUNT_CONNECTED, now,
                        command.account(), command.client()));
            }
            accounts.recordLogin(command.account(), now);
            audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.LOGIN_SUCCEEDED, now,
                    command.account(), command.client()));
            return new Outcome.Connected(caller, link, sessions.openSession(command.account(), now, command.client()));
        });
    }

    private void refused(Command command, String reason) {
        audit.record(AuthenticationEvent.failed(AuthenticationEventType.SOCIAL_ACCOUNT_CONNECTED, clock.instant(),
                Optional.of(command.account()), command.client(), reason));
    }
}
