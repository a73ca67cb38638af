package io.portcullis.application.mail;

import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.time.Instant;

/**
 * Tells an address without an account that someone asked for a link for it. Besides helping a
 * person who forgot which address they signed up with, it makes a request for an unknown address
 * cost what a request for a known one costs: one mail in the outbox, in the request's transaction.
 */
public final class UnknownAccountNotices {

    private final MailOutbox outbox;
    private final MailFlowSettings settings;

    public UnknownAccountNotices(MailOutbox outbox, MailFlowSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    /** Call inside the transaction that looked the address up. */
    public void queue(EmailAddress address, String language, Instant now) {
        outbox.enqueue(new OutgoingMail(MailKind.UNKNOWN_ACCOUNT, address, language,
                MailVariables.forAddress(address, settings)), now);
    }
}
