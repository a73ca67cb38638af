package io.portcullis.adapters.mail;

import io.portcullis.adapters.mail.sender.MessageSender;
import io.portcullis.adapters.mail.sender.RenderedMail;
import io.portcullis.adapters.mail.template.MailTemplateException;
import io.portcullis.adapters.mail.template.MailTemplates;
import io.portcullis.application.port.MailDeliveryException;
import io.portcullis.application.port.MailTransport;
import io.portcullis.domain.mail.OutgoingMail;
import java.util.Objects;

/** The mail transport port: renders the templates of the mail's kind and language, then sends. */
public final class TemplatedMailTransport implements MailTransport {

    private final MailTemplates templates;
    private final MessageSender sender;

    public TemplatedMailTransport(MailTemplates templates, MessageSender sender) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    @Override
    public void deliver(OutgoingMail mail) {
        RenderedMail rendered;
        try {
            rendered = templates.render(mail);
        } catch (MailTemplateException e) {
            throw new MailDeliveryException("the " + mail.kind() + " mail could not be rendered: " + e.getMessage(), e);
        }
        sender.send(rendered);
    }

    public MailTemplates templates() {
        return templates;
    }

    public MessageSender sender() {
        return sender;
    }
}
