package io.portcullis.adapters.mail.sender;

import static io.portcullis.adapters.mail.MailFixtures.RESET_URL;
import static io.portcullis.adapters.mail.MailFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.mail.sender.RenderedMail;
import io.portcullis.adapters.mail.TemplatedMailTransport;
import io.portcullis.adapters.mail.template.MailTemplates;
import io.portcullis.application.port.MailDeliveryException;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMessageSenderTest {

    @TempDir
    Path root;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:15:30Z"), ZoneOffset.UTC);

    private List<Path> files(Path directory) throws Exception {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.sorted().toList();
        }
    }

    private static MimeMessage parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    @Test
    void each_message_becomes_a_parseable_eml_file_in_a_created_directory() throws Exception {
        Path directory = root.resolve("mail/outbox");
        var transport = new TemplatedMailTransport(MailTemplates.builtIn("example.com"),
                new FileMessageSender(directory, "webmaster@localhost", clock));

        transport.deliver(mail(MailKind.PASSWORD_RESET, "en"));
        transport.deliver(mail(MailKind.PASSWORD_RESET, "de"));

        List<Path> files = files(directory);
        assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.getFileName().toString())
                .matches("20261129-101530-[0-9a-f]{16}\\.eml"));
        var subjects = new java.util.ArrayList<String>();
        for (Path file : files) {
            MimeMessage message = parse(file);
            subjects.add(message.getSubject());
            assertThat(message.getFrom()).containsExactly(new InternetAddress("webmaster@localhost"));
            assertThat(message.getAllRecipients()).containsExactly(new InternetAddress("alice@example.com"));
            assertThat(message.getSentDate().toInstant()).isEqualTo(clock.instant());
            assertThat((String) message.getContent()).contains(RESET_URL);
            assertThat(Files.readString(file)).contains("\r\n").doesNotContainPattern("[^\r]\n");
        }
        assertThat(subjects).containsExactlyInAnyOrder("[example.com] Password Reset E-mail",
                "[example.com] Passwort zurücksetzen");
    }

    @Test
    void html_and_umlauts_survive_the_round_trip() throws Exception {
        var sender = new FileMessageSender(root, "webmaster@localhost", clock);

        sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "Grüße", "Schöne Grüße\n",
                Optional.of("<p>Schöne Grüße</p>")));

        MimeMessage message = parse(files(root).getFirst());
        assertThat(message.getSubject()).isEqualTo("Grüße");
        var parts = (Multipart) message.getContent();
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo("Schöne Grüße\n");
        assertThat((String) parts.getBodyPart(1).getContent()).isEqualTo("<p>Schöne Grüße</p>");
    }

    @Test
    void a_path_that_is_a_file_is_refused_and_a_vanished_directory_is_recreated() throws Exception {
        Path file = Files.writeString(root.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> new FileMessageSender(file, "webmaster@localhost"))
                .isInstanceOf(IllegalArgumentException.class);

        Path directory = root.resolve("out");
        var sender = new FileMessageSender(directory, "webmaster@localhost", clock);
        Files.delete(directory);
        sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "s", "t\n", Optional.empty()));
        assertThat(files(directory)).hasSize(1);

        Files.delete(files(directory).getFirst());
        Files.delete(directory);
        Files.writeString(directory, "now a file");
        assertThatThrownBy(() -> sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "s", "t\n",
                Optional.empty())))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining(directory.toString());
    }
}
