package io.portcullis.adapters.mail;

import io.portcullis.adapters.mail.sender.MessageSender;
import io.portcullis.adapters.mail.sender.ConsoleMessageSender;
import io.portcullis.adapters.mail.sender.FileMessageSender;
import io.portcullis.adapters.mail.sender.SmtpMessageSender;
import io.portcullis.adapters.mail.template.MailTemplates;

/** Builds the mail transport the settings describe. */
public final class MailTransports {

    private MailTransports() {}

    /**
     * The templates and the sender of the configured backend. The templates are validated here, so
     * a broken template, or one without its link, stops the start-up instead of the first signup.
     *
     * @throws io.portcullis.adapters.mail.template.MailTemplateException naming the faulty files
     */
    public static TemplatedMailTransport create(MailSettings settings) {
        return create(settings, sender(settings));
    }

    /** The configured templates with a team's own sender. */
    public static TemplatedMailTransport create(MailSettings settings, MessageSender sender) {
        var templates = new MailTemplates(settings.templateDirectory(), settings.effectiveSubjectPrefix());
        templates.validate();
        return new TemplatedMailTransport(templates, sender);
    }

    /** The sender of the configured backend. */
    public static MessageSender sender(MailSettings settings) {
        return switch (settings.backend()) {
            case SMTP -> new SmtpMessageSender(settings.smtp(), settings.fromAddress());
            case CONSOLE -> new ConsoleMessageSender(settings.fromAddress());
            case FILE -> new FileMessageSender(settings.fileDirectory().orElseThrow(), settings.fromAddress());
        };
    }
}
