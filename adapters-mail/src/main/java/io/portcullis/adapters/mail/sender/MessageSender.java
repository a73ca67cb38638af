package io.portcullis.adapters.mail.sender;

import io.portcullis.application.port.MailDeliveryException;

/**
 * How a rendered message leaves the service: over SMTP, to the console, to files, or a team's own
 * way. Templates are not its concern; {@link TemplatedMailTransport} renders before it sends.
 */
public interface MessageSender {

    /**
     * Hands the message over or throws.
     *
     * @throws MailDeliveryException naming the cause (host unreachable, authentication failed...),
     *     never the message's content or a password
     */
    void send(RenderedMail mail);
}
