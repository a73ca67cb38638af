package io.portcullis.adapters.mail.sender;

import static io.portcullis.adapters.mail.MailFixtures.ACTIVATE_URL;
import static io.portcullis.adapters.mail.MailFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.mail.sender.RenderedMail;
import io.portcullis.adapters.mail.TemplatedMailTransport;
import io.portcullis.adapters.mail.template.MailTemplates;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleMessageSenderTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void the_whole_message_is_written_like_djangos_console_backend() {
        var transport = new TemplatedMailTransport(MailTemplates.builtIn("example.com"),
                new ConsoleMessageSender("webmaster@localhost", out, clock));

        transport.deliver(mail(MailKind.EMAIL_CONFIRMATION_SIGNUP, "en"));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("From: webmaster@localhost\n")
                .contains("To: alice@example.com\n")
                .contains("Subject: [example.com] Please Confirm Your E-mail Address\n")
                .contains("Date: Sun, 29 Nov 2026 10:15:30 +0000")
                .containsPattern("Message-ID: <20261129101530\\.[0-9a-f]{16}@localhost>")
                .contains("MIME-Version: 1.0\n")
                .contains("Content-Type: text/plain; charset=UTF-8\n")
                .contains("Content-Transfer-Encoding: 7bit\n")
                .contains("\n\nHello from example.com!\n\nYou're receiving this e-mail because user alice@example.com")
                .contains("To confirm this is correct, go to " + ACTIVATE_URL + "\n")
                .endsWith("Thank you for using example.com!\nexample.com\n\n" + "-".repeat(79) + "\n")
                .doesNotContain("\r");
    }

    @Test
    void german_text_is_readable_and_html_follows_the_text() {
        var sender = new ConsoleMessageSender("webmaster@localhost", out, clock);

        sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "Grüße", "Schöne Grüße\n",
                Optional.of("<p>Schöne Grüße</p>")));
        sender.send(new RenderedMail(new EmailAddress("carol@example.com"), "second", "zwei\n", Optional.empty()));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Subject: =?UTF-8?")
                .contains("multipart/alternative")
                .contains("Content-Transfer-Encoding: 8bit\n\nSchöne Grüße\n")
                .contains("Content-Type: text/html; charset=UTF-8")
                .contains("<p>Schöne Grüße</p>");
        assertThat(printed.indexOf("text/plain")).isLessThan(printed.indexOf("text/html"));
        assertThat(printed.split("-{79}\n")).hasSize(2);
        assertThat(printed).contains("To: carol@example.com");
    }
}
