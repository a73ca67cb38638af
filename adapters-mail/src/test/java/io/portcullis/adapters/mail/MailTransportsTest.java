package io.portcullis.adapters.mail;

import io.portcullis.adapters.mail.sender.SmtpSettings;
import io.portcullis.adapters.mail.sender.RenderedMail;
import static io.portcullis.adapters.mail.MailFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.adapters.mail.sender.ConsoleMessageSender;
import io.portcullis.adapters.mail.sender.FileMessageSender;
import io.portcullis.adapters.mail.sender.SmtpMessageSender;
import io.portcullis.adapters.mail.template.MailTemplateException;
import io.portcullis.application.port.MailDeliveryException;
import io.portcullis.domain.mail.MailKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailTransportsTest {

    @TempDir
    Path directory;

    private static MailSettings settings(MailSettings.Backend backend, Optional<Path> files, Optional<String> prefix,
            Optional<Path> templates) {
        return new MailSettings(backend, SmtpSettings.defaults(), files, MailSettings.DEFAULT_FROM_ADDRESS, prefix,
                templates, "example.com");
    }

    @Test
    void the_backend_chooses_the_sender() {
        assertThat(MailTransports.create(settings(MailSettings.Backend.SMTP, Optional.empty(), Optional.empty(),
                Optional.empty())).sender()).isInstanceOf(SmtpMessageSender.class);
        assertThat(MailTransports.create(MailSettings.console("example.com")).sender())
                .isInstanceOf(ConsoleMessageSender.class);
        assertThat(MailTransports.create(settings(MailSettings.Backend.FILE, Optional.of(directory), Optional.empty(),
                Optional.empty())).sender()).isInstanceOf(FileMessageSender.class);
    }

    @Test
    void the_subject_prefix_defaults_to_the_site_name_in_brackets() {
        assertThat(MailSettings.console("Portcullis").effectiveSubjectPrefix()).isEqualTo("[Portcullis] ");
        assertThat(settings(MailSettings.Backend.CONSOLE, Optional.empty(), Optional.of(""), Optional.empty())
                .effectiveSubjectPrefix()).isEmpty();
        assertThat(MailTransports.create(MailSettings.console("example.com")).templates().subjectPrefix())
                .isEqualTo("[example.com] ");
    }

    @Test
    void a_teams_own_sender_gets_the_rendered_mail() {
        List<RenderedMail> sent = new ArrayList<>();
        var transport = MailTransports.create(settings(MailSettings.Backend.SMTP, Optional.empty(),
                Optional.of("[Portcullis] "), Optional.empty()), sent::add);

        transport.deliver(mail(MailKind.PASSWORD_RESET, "en"));

        assertThat(sent).singleElement().satisfies(mail ->
                assertThat(mail.subject()).isEqualTo("[Portcullis] Password Reset E-mail"));
    }

    @Test
    void a_broken_template_stops_the_creation() throws Exception {
        Files.writeString(directory.resolve("email_confirmation_signup_message.txt"), "Welcome!\n");

        assertThatThrownBy(() -> MailTransports.create(settings(MailSettings.Backend.CONSOLE, Optional.empty(),
                Optional.empty(), Optional.of(directory))))
                .isInstanceOf(MailTemplateException.class)
                .hasMessageContaining("email_confirmation_signup_message.txt does not show the link activate_url");
    }

    @Test
    void a_template_failing_at_delivery_is_a_delivery_failure() throws Exception {
        var transport = MailTransports.create(settings(MailSettings.Backend.CONSOLE, Optional.empty(),
                Optional.empty(), Optional.of(directory)), mail -> { });
        Files.writeString(directory.resolve("password_changed_message.txt"), "[(${site_name.nope})]");

        assertThatThrownBy(() -> transport.deliver(mail(MailKind.PASSWORD_CHANGED, "en")))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("password_changed_message.txt");
    }

    @Test
    void keys_and_settings_are_checked() {
        assertThat(MailSettings.Backend.fromKey(" Console ")).isEqualTo(MailSettings.Backend.CONSOLE);
        assertThatThrownBy(() -> MailSettings.Backend.fromKey("sendgrid"))
                .hasMessage("unknown mail backend 'sendgrid': use smtp, console or file");
        assertThat(SmtpSettings.Security.fromKey("STARTTLS")).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThatThrownBy(() -> SmtpSettings.Security.fromKey("tls")).hasMessageContaining("none, starttls or ssl");
        assertThatThrownBy(() -> settings(MailSettings.Backend.FILE, Optional.empty(), Optional.empty(),
                Optional.empty())).hasMessageContaining("needs a directory");
        assertThatThrownBy(() -> SmtpSettings.of("h", 0, SmtpSettings.Security.NONE)).hasMessageContaining("port");
        assertThatThrownBy(() -> SmtpSettings.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1))).hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> new ConsoleMessageSender("not an address")).hasMessageContaining("from address");
    }

    @Test
    void the_password_never_shows_in_the_settings() {
        var smtp = SmtpSettings.of("mail.example.com", 587, SmtpSettings.Security.STARTTLS).withLogin("mailer", "hunter2");

        assertThat(smtp.toString()).contains("mail.example.com:587").contains("mailer").doesNotContain("hunter2");
    }
}
