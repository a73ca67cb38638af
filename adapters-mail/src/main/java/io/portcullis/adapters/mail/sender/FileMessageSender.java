package io.portcullis.adapters.mail.sender;

import io.portcullis.adapters.mail.sender.MessageSender;
import io.portcullis.adapters.mail.sender.RenderedMail;
import io.portcullis.application.port.MailDeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Writes one {@code <yyyyMMdd-HHmmss>-<random>.eml} file per message into a directory, like
 * Django's file e-mail backend but one file per message, each a complete RFC 5322 message that a
 * mail client opens. A file appears whole: it is written under a hidden name and then renamed.
 */
public final class FileMessageSender implements MessageSender {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final InternetAddress from;
    private final Clock clock;
    private final DateTimeFormatter timestamp;
    private final Session session = MimeMessages.offlineSession();

    public FileMessageSender(Path directory, String fromAddress) {
        this(directory, fromAddress, Clock.systemDefaultZone());
    }

    /**
     * @throws UncheckedIOException when the directory cannot be created
     * @throws IllegalArgumentException when the path exists and is not a directory
     */
    public FileMessageSender(Path directory, String fromAddress, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
        this.from = MimeMessages.parseFrom(fromAddress);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timestamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(clock.getZone());
        if (Files.exists(this.directory) && !Files.isDirectory(this.directory)) {
            throw new IllegalArgumentException("the mail file path " + this.directory + " is not a directory");
        }
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("the mail directory " + this.directory + " cannot be created", e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void send(RenderedMail mail) {
        Instant now = clock.instant();
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String name = timestamp.format(now) + "-" + HexFormat.of().formatHex(random) + ".eml";
        Path target = directory.resolve(name);
        Path partial = directory.resolve("." + name + ".part");
        try {
            var message = MimeMessages.compose(session, from, mail, now, true);
            Files.createDirectories(directory);
            try (OutputStream file = new BufferedOutputStream(
                    Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                var lines = new LineEndingOutputStream(file, "\r\n");
                message.writeTo(lines);
                lines.flush();
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (MessagingException | IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw new MailDeliveryException("the message could not be written to " + directory + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
