package io.portcullis.adapters.mail.sender;

import static io.portcullis.adapters.mail.MailFixtures.ACTIVATE_URL;
import static io.portcullis.adapters.mail.MailFixtures.RESET_URL;
import static io.portcullis.adapters.mail.MailFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.portcullis.adapters.mail.sender.RenderedMail;
import io.portcullis.adapters.mail.sender.SmtpSettings;
import io.portcullis.adapters.mail.TemplatedMailTransport;
import io.portcullis.adapters.mail.template.MailTemplates;
import io.portcullis.application.port.MailDeliveryException;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.mail.MailKind;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SmtpMessageSenderTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@example.com", "mailer", "s3cret-pw"));

    @TempDir
    Path overrides;

    private static SmtpSettings server() {
        return SmtpSettings.of("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), SmtpSettings.Security.NONE);
    }

    private static TemplatedMailTransport transport(SmtpSettings settings, MailTemplates templates) {
        return new TemplatedMailTransport(templates, new SmtpMessageSender(settings, "webmaster@localhost"));
    }

    private static MimeMessage onlyReceived() {
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void every_kind_is_delivered_as_plain_text_from_webmaster(MailKind kind) throws Exception {
        var templates = MailTemplates.builtIn("example.com");
        RenderedMail expected = templates.render(mail(kind, "en"));

        transport(server(), templates).deliver(mail(kind, "en"));

        MimeMessage message = onlyReceived();
        assertThat(message.getSubject()).isEqualTo(expected.subject()).startsWith("[example.com] ");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("webmaster@localhost"));
        assertThat(message.getAllRecipients()).containsExactly(new InternetAddress("alice@example.com"));
        assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        // SMTP's end-of-data marker takes the last line break.
        assertThat(normalized((String) message.getContent())).isEqualTo(expected.text().stripTrailing());
        assertThat(message.getSentDate()).isNotNull();
        assertThat(message.getMessageID()).matches("<\\d{14}\\.[0-9a-f]{16}@localhost>");
    }

    @Test
    void the_confirmation_and_reset_mails_carry_their_links() throws Exception {
        var transport = transport(server(), MailTemplates.builtIn("example.com"));

        transport.deliver(mail(MailKind.EMAIL_CONFIRMATION_SIGNUP, "en"));
        transport.deliver(mail(MailKind.PASSWORD_RESET, "en"));

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received[0].getSubject()).isEqualTo("[example.com] Please Confirm Your E-mail Address");
        assertThat((String) received[0].getContent()).contains("To confirm this is correct, go to " + ACTIVATE_URL);
        assertThat(received[1].getSubject()).isEqualTo("[example.com] Password Reset E-mail");
        assertThat((String) received[1].getContent()).contains(RESET_URL);
    }

    @Test
    void german_text_and_subject_arrive_intact_in_utf_8() throws Exception {
        transport(server(), MailTemplates.builtIn("Müller & Söhne")).deliver(
                mail(MailKind.PASSWORD_CHANGED, "de", "juergen@example.com",
                        java.util.Map.of("site_name", "Müller & Söhne")));

        MimeMessage message = onlyReceived();
        assertThat(message.getSubject()).isEqualTo("[Müller & Söhne] Passwort geändert");
        String text = normalized((String) message.getContent());
        assertThat(text).startsWith("Hallo von Müller & Söhne!\n\n")
                .contains("folgende Änderung vorgenommen").contains("Sicherheitsmaßnahmen");
        assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
    }

    @Test
    void an_html_template_makes_a_multipart_alternative_message() throws Exception {
        Files.writeString(overrides.resolve("email_confirmation_message.html"),
                "<p>Hallo <b th:text=\"${user_display}\"></b>, <a th:href=\"${activate_url}\">bestätigen</a></p>",
                StandardCharsets.UTF_8);
        var templates = new MailTemplates(Optional.of(overrides), "[example.com] ");

        transport(server(), templates).deliver(mail(MailKind.EMAIL_CONFIRMATION, "de", "alice@example.com",
                java.util.Map.of("user_display", "<Jörg>")));

        MimeMessage message = onlyReceived();
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        var parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("weil der Benutzer <Jörg> Ihre");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("UTF-8");
        assertThat((String) parts.getBodyPart(1).getContent())
                .isEqualTo("<p>Hallo <b>&lt;Jörg&gt;</b>, <a href=\"" + ACTIVATE_URL + "\">bestätigen</a></p>");
    }

    @Test
    void a_configured_from_address_with_a_name_is_used() throws Exception {
        var sender = new SmtpMessageSender(server(), "Portcullis Ä <noreply@portcullis.example>");

        sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "Hi", "Text\n", Optional.empty()));

        MimeMessage message = onlyReceived();
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("noreply@portcullis.example");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Portcullis Ä");
        assertThat(message.getMessageID()).endsWith("@portcullis.example>");
    }

    @Test
    void a_login_is_used_when_configured() throws Exception {
        var sender = new SmtpMessageSender(server().withLogin("mailer", "s3cret-pw"), "webmaster@localhost");

        sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "Hi", "Text\n", Optional.empty()));

        assertThat(onlyReceived().getSubject()).isEqualTo("Hi");
    }

    @Test
    void a_wrong_password_is_an_authentication_failure_that_does_not_show_the_password() {
        var sender = new SmtpMessageSender(server().withLogin("mailer", "wrong-pw-123"), "webmaster@localhost");

        assertThatThrownBy(() -> sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "Secret subject",
                "Secret text\n", Optional.empty())))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("authentication failed at SMTP server 127.0.0.1:" + GREEN_MAIL.getSmtp().getPort())
                .hasMessageNotContaining("wrong-pw-123")
                .hasMessageNotContaining("Secret");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_closed_port_fails_at_once_naming_the_server() throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var sender = new SmtpMessageSender(SmtpSettings.of("127.0.0.1", port, SmtpSettings.Security.NONE),
                "webmaster@localhost");

        long start = System.nanoTime();
        assertThatThrownBy(() -> sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "Secret subject",
                "Secret text\n", Optional.empty())))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("SMTP server 127.0.0.1:" + port + " is unreachable")
                .hasMessageNotContaining("Secret");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_server_that_never_answers_fails_after_the_read_timeout() throws IOException {
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var settings = SmtpSettings.of("127.0.0.1", silent.getLocalPort(), SmtpSettings.Security.NONE)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(300));
            var sender = new SmtpMessageSender(settings, "webmaster@localhost");

            long start = System.nanoTime();
            assertThatThrownBy(() -> sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "s", "t\n",
                    Optional.empty())))
                    .isInstanceOf(MailDeliveryException.class)
                    .hasMessageContaining("did not answer in time");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void required_starttls_against_a_server_without_it_fails() {
        var settings = SmtpSettings.of("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), SmtpSettings.Security.STARTTLS);
        var sender = new SmtpMessageSender(settings, "webmaster@localhost");

        assertThatThrownBy(() -> sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "s", "t\n",
                Optional.empty())))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + GREEN_MAIL.getSmtp().getPort());
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_recipient_refused_with_a_5xx_reply_is_a_permanent_failure() throws IOException {
        try (var server = new ScriptedSmtpServer("550 5.1.1 No such user here")) {
            var sender = new SmtpMessageSender(SmtpSettings.of("127.0.0.1", server.port(), SmtpSettings.Security.NONE),
                    "webmaster@localhost");

            assertThatThrownBy(() -> sender.send(new RenderedMail(new EmailAddress("ghost@example.com"), "s", "t\n",
                    Optional.empty())))
                    .isInstanceOfSatisfying(MailDeliveryException.class,
                            e -> assertThat(e.isPermanent()).as("permanent").isTrue())
                    .hasMessage("SMTP server 127.0.0.1:" + server.port() + " refused the recipient with reply code 550");
        }
    }

    @Test
    void a_recipient_refused_with_a_4xx_reply_is_tried_again() throws IOException {
        try (var server = new ScriptedSmtpServer("450 4.2.1 Mailbox busy, try later")) {
            var sender = new SmtpMessageSender(SmtpSettings.of("127.0.0.1", server.port(), SmtpSettings.Security.NONE),
                    "webmaster@localhost");

            assertThatThrownBy(() -> sender.send(new RenderedMail(new EmailAddress("busy@example.com"), "s", "t\n",
                    Optional.empty())))
                    .isInstanceOfSatisfying(MailDeliveryException.class,
                            e -> assertThat(e.isPermanent()).as("permanent").isFalse())
                    .hasMessageContaining("reply code 450");
        }
    }

    @Test
    void a_wrong_password_is_not_permanent_because_the_settings_can_be_fixed() {
        var sender = new SmtpMessageSender(server().withLogin("mailer", "wrong-pw-123"), "webmaster@localhost");

        assertThatThrownBy(() -> sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "s", "t\n",
                Optional.empty())))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.isPermanent()).isFalse());
    }

    @Test
    void an_unknown_host_is_named() {
        var sender = new SmtpMessageSender(SmtpSettings.of("no-such-host.invalid", 25, SmtpSettings.Security.NONE),
                "webmaster@localhost");

        assertThatThrownBy(() -> sender.send(new RenderedMail(new EmailAddress("bob@example.com"), "s", "t\n",
                Optional.empty())))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessage("SMTP host no-such-host.invalid is unknown");
    }

    @Test
    void the_session_gets_the_timeouts_and_the_tls_mode() {
        var settings = SmtpSettings.of("mail.example.com", 587, SmtpSettings.Security.STARTTLS)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5));
        var properties = SmtpMessageSender.properties(settings);

        assertThat(properties.getProperty("mail.smtp.connectiontimeout")).isEqualTo("3000");
        assertThat(properties.getProperty("mail.smtp.timeout")).isEqualTo("4000");
        assertThat(properties.getProperty("mail.smtp.writetimeout")).isEqualTo("5000");
        assertThat(properties.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(SmtpMessageSender.properties(SmtpSettings.of("h", 465, SmtpSettings.Security.SSL))
                .getProperty("mail.smtp.ssl.enable")).isEqualTo("true");
        assertThat(SmtpMessageSender.properties(SmtpSettings.defaults()).getProperty("mail.smtp.connectiontimeout"))
                .isEqualTo("10000");
    }

    private static String normalized(String text) {
        return text.replace("\r\n", "\n");
    }
}
