package io.portcullis.application.password;

import io.portcullis.application.mail.MailVariables;
import io.portcullis.application.port.MailOutbox;
import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.time.Instant;

/** Queues the "your password was changed" mail when the settings ask for it. */
final class PasswordChangeNotice {

    private final MailOutbox outbox;
    private final MailFlowSettings settings;

    PasswordChangeNotice(MailOutbox outbox, MailFlowSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    /** Call inside the transaction that changed the password. */
    void queue(Account account, String language, Instant now) {
        if (settings.passwordChangedNotice() && account.email().isPresent()) {
            outbox.enqueue(new OutgoingMail(MailKind.PASSWORD_CHANGED, account.email().get(), language,
                    MailVariables.forAccount(account, settings)), now);
        }
    }
}
