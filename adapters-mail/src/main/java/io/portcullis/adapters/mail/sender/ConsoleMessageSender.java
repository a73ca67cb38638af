package io.portcullis.adapters.mail.sender;

import io.portcullis.adapters.mail.sender.MessageSender;
import io.portcullis.adapters.mail.sender.RenderedMail;
import io.portcullis.application.port.MailDeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * Writes each whole message, headers and text, to a stream followed by a line of dashes, as
 * Django's console e-mail backend does. For development: the links land in the service's output.
 */
public final class ConsoleMessageSender implements MessageSender {

    private static final String SEPARATOR = "-".repeat(79) + "\n";

    private final InternetAddress from;
    private final PrintStream out;
    private final Clock clock;
    private final Session session = MimeMessages.offlineSession();

    /** Writes to {@code System.out}. */
    public ConsoleMessageSender(String fromAddress) {
        this(fromAddress, System.out);
    }

    public ConsoleMessageSender(String fromAddress, PrintStream out) {
        this(fromAddress, out, Clock.systemUTC());
    }

    public ConsoleMessageSender(String fromAddress, PrintStream out, Clock clock) {
        this.from = MimeMessages.parseFrom(fromAddress);
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(RenderedMail mail) {
        try {
            var message = MimeMessages.compose(session, from, mail, clock.instant(), true);
            synchronized (out) {
                var lines = new LineEndingOutputStream(out, "\n");
                message.writeTo(lines);
                lines.flush();
                out.write(("\n" + SEPARATOR).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (out.checkError()) {
                    throw new MailDeliveryException("the console stream refused the message");
                }
            }
        } catch (MessagingException | IOException e) {
            throw new MailDeliveryException("the message could not be written to the console: "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
