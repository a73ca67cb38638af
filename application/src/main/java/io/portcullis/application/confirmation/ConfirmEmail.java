package io.portcullis.application.confirmation;

import io.portcullis.application.port.AccountStore;
import io.portcullis.application.port.AuditTrail;
import io.portcullis.application.port.ConcurrentUpdateException;
import io.portcullis.application.port.OneTimeTokenStore;
import io.portcullis.application.port.TransactionRunner;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.audit.AuthenticationEvent;
import io.portcullis.domain.audit.AuthenticationEventType;
import io.portcullis.domain.onetime.OneTimeKey;
import io.portcullis.domain.onetime.OneTimeToken;
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import io.portcullis.domain.session.ClientDetails;
import io.portcullis.domain.validation.FieldInput;
import io.portcullis.domain.validation.TextField;
import io.portcullis.domain.validation.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Marks an address confirmed when the key mailed to it comes back. A key works once, before it
 * expires, and only for the address it was sent to.
 */
public final class ConfirmEmail {

    public sealed interface Outcome {
        record Confirmed(Account account) implements Outcome {}

        record Invalid(ValidationErrors errors) implements Outcome {}

        /** Unknown, expired, used, or for an address the account no longer has. */
        record NotFound() implements Outcome {}
    }

    private final AccountStore accounts;
    private final OneTimeTokenStore tokens;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final AuditTrail audit;

    public ConfirmEmail(AccountStore accounts, OneTimeTokenStore tokens, TransactionRunner transactions, Clock clock,
            AuditTrail audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    public Outcome confirm(FieldInput keyInput) {
        return confirm(keyInput, ClientDetails.unknown());
    }

    /** @param client who sends the key back, for the audit trail */
    public Outcome confirm(FieldInput keyInput, ClientDetails client) {
        var errors = ValidationErrors.builder();
        Optional<String> key = TextField.required().maxLength(512).read("key", keyInput, errors);
        if (key.isEmpty()) {
            return new Outcome.Invalid(errors.build());
        }
        return confirm(key.get(), client);
    }

    /** The key of a link, as it arrives in a URL path. */
    public Outcome confirm(String key) {
        return confirm(key, ClientDetails.unknown());
    }

    /** The key of a link, as it arrives in a URL path, followed by {@code client}. */
    public Outcome confirm(String key, ClientDetails client) {
        if (key.isBlank() || key.length() > 512) {
            return new Outcome.NotFound();
        }
        Instant now = clock.instant();
        String digest = new OneTimeKey(key).digest();
        try {
            return transactions.inTransaction(() -> tokens.find(digest, OneTimeTokenPurpose.EMAIL_CONFIRMATION)
                    .filter(token -> token.isUsableAt(now))
                    .flatMap(token -> accounts.findById(token.account()).filter(account -> sameAddress(account, token)))
                    .filter(account -> !account.emailVerified())
                    .filter(account -> tokens.consume(digest, OneTimeTokenPurpose.EMAIL_CONFIRMATION, now))
                    .<Outcome>map(account -> {
                        Account confirmed = account.withEmailVerified();
                        accounts.update(confirmed);
                        audit.record(AuthenticationEvent.succeeded(AuthenticationEventType.EMAIL_CONFIRMED, now,
                                confirmed.id(), client));
                        return new Outcome.Confirmed(confirmed);
                    })
                    .orElseGet(Outcome.NotFound::new));
        } catch (ConcurrentUpdateException e) {
            // The account changed while we confirmed; the key stays unused and can be followed again.
            return new Outcome.NotFound();
        }
    }

    private static boolean sameAddress(Account account, OneTimeToken token) {
        return token.email().map(EmailAddress::canonical).equals(account.email().map(EmailAddress::canonical));
    }
}
