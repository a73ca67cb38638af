package io.portcullis.application.confirmation;

import io.portcullis.application.mail.MailVariables;
import io.portcullis.application.port.KeyGenerator;
import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.port.OneTimeTokenStore;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import io.portcullis.domain.onetime.OneTimeKey;
import io.portcullis.domain.onetime.OneTimeToken;
import io.portcullis.domain.onetime.OneTimeTokenPurpose;
import java.time.Instant;

/** Issues a confirmation key for an account's address and queues the mail that carries it. */
public final class EmailConfirmations {

    private final KeyGenerator keys;
    private final OneTimeTokenStore tokens;
    private final MailOutbox outbox;
    private final MailFlowSettings settings;

    public EmailConfirmations(KeyGenerator keys, OneTimeTokenStore tokens, MailOutbox outbox, MailFlowSettings settings) {
        this.keys = keys;
        this.tokens = tokens;
        this.outbox = outbox;
        this.settings = settings;
    }

    /** Call inside the transaction that created or looked up the account. */
    public void send(Account account, MailKind kind, String language, Instant now) {
        var email = account.email().orElseThrow(() -> new IllegalArgumentException("the account has no address"));
        if (settings.resendRevokesEarlierKeys()) {
            tokens.revokeAll(account.id(), OneTimeTokenPurpose.EMAIL_CONFIRMATION, now);
        }
        OneTimeKey key = keys.newKey();
        tokens.save(OneTimeToken.issue(key, OneTimeTokenPurpose.EMAIL_CONFIRMATION, account.id(),
                account.email(), now, settings.confirmationLifetime()));
        var variables = MailVariables.forAccount(account, settings);
        variables.put("key", key.value());
        variables.put("activate_url", settings.confirmationLink(key.value()));
        outbox.enqueue(new OutgoingMail(kind, email, language, variables), now);
    }
}
