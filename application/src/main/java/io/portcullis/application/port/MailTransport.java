package io.portcullis.application.port;

import io.portcullis.domain.mail.OutgoingMail;

/** Renders and delivers one message (over SMTP, to the console, to files, or a team's own way). */
public interface MailTransport {

    /**
     * Delivers the message or throws; a failure is retried later by the dispatcher.
     *
     * @throws MailDeliveryException when the message could not be handed over
     */
    void deliver(OutgoingMail mail);
}
