package io.portcullis.adapters.mail.sender;

import io.portcullis.adapters.mail.sender.MessageSender;
import io.portcullis.adapters.mail.sender.RenderedMail;
import io.portcullis.adapters.mail.sender.SmtpSettings;
import io.portcullis.application.port.MailDeliveryException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Delivers over SMTP with Jakarta Mail (Angus): one connection per message, explicit connect, read
 * and write timeouts, STARTTLS that is required once configured, or TLS from the first byte.
 */
public final class SmtpMessageSender implements MessageSender {

    private static final String PROTOCOL = "smtp";

    private final SmtpSettings settings;
    private final InternetAddress from;
    private final Clock clock;
    private final Session session;

    public SmtpMessageSender(SmtpSettings settings, String fromAddress) {
        this(settings, fromAddress, Clock.systemUTC());
    }

    public SmtpMessageSender(SmtpSettings settings, String fromAddress, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.from = MimeMessages.parseFrom(fromAddress);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(SmtpSettings settings) {
        var properties = new Properties();
        String prefix = "mail." + PROTOCOL + ".";
        properties.setProperty("mail.transport.protocol", PROTOCOL);
        properties.setProperty(prefix + "host", settings.host());
        properties.setProperty(prefix + "port", Integer.toString(settings.port()));
        properties.setProperty(prefix + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty(prefix + "timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.setProperty(prefix + "writetimeout", Long.toString(settings.writeTimeout().toMillis()));
        properties.setProperty(prefix + "auth", Boolean.toString(settings.username().isPresent()));
        switch (settings.security()) {
            case NONE -> properties.setProperty(prefix + "starttls.enable", "false");
            case STARTTLS -> {
                properties.setProperty(prefix + "starttls.enable", "true");
                properties.setProperty(prefix + "starttls.required", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case SSL -> {
                properties.setProperty(prefix + "ssl.enable", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
        }
        return properties;
    }

    @Override
    public void send(RenderedMail mail) {
        try {
            var message = MimeMessages.compose(session, from, mail, clock.instant(), false);
            try (Transport transport = session.getTransport(PROTOCOL)) {
                transport.connect(settings.host(), settings.port(),
                        settings.username().orElse(null), settings.password().orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw isPermanent(e) ? MailDeliveryException.permanent(describe(e), e) : new MailDeliveryException(describe(e), e);
        }
    }

    /**
     * Whether the server refused the message or its recipient for good: a 5xx reply (RFC 5321,
     * 4.2.1), which the same message would get again. A wrong login is a 5xx too, but one an
     * operator fixes in the settings, after which the queued mail should still go out.
     */
    static boolean isPermanent(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return false;
        }
        for (Exception cause = e; cause != null;
                cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            int code = switch (cause) {
                case SMTPSendFailedException failed -> failed.getReturnCode();
                case SMTPAddressFailedException failed -> failed.getReturnCode();
                default -> 0;
            };
            if (code >= 500 && code < 600) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong, for the log and the retry: the server and the cause, never content or password. */
    String describe(MessagingException e) {
        String server = "SMTP server " + settings.address();
        if (e instanceof AuthenticationFailedException) {
            return "authentication failed at " + server + " (user " + settings.username().orElse("") + ")";
        }
        if (e instanceof SMTPSendFailedException failed) {
            return server + " refused the message with reply code " + failed.getReturnCode();
        }
        if (e instanceof SendFailedException refused) {
            return refused.getNextException() instanceof SMTPAddressFailedException address
                    ? server + " refused the recipient with reply code " + address.getReturnCode()
                    : server + " refused the recipient";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "SMTP host " + settings.host() + " is unknown";
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return server + " is unreachable (" + cause.getMessage() + ")";
            }
            if (cause instanceof SocketTimeoutException) {
                return server + " did not answer in time (" + cause.getMessage() + ")";
            }
            if (cause instanceof SSLException) {
                return "TLS with " + server + " failed (" + cause.getMessage() + ")";
            }
            if (cause instanceof IOException) {
                return "the connection to " + server + " failed (" + cause.getClass().getSimpleName() + ")";
            }
        }
        return "delivery through " + server + " failed: " + e.getMessage();
    }
}
