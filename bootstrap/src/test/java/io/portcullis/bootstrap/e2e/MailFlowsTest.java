package io.portcullis.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.portcullis.bootstrap.config.SettingsLoader;
import io.portcullis.bootstrap.server.PortcullisServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail flows end to end: the real service in this JVM, mail over SMTP to a real server
 * (GreenMail), links followed from the received messages.
 */
class MailFlowsTest {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+)");
    private static final String PASSWORD = "Xq7!vLp2#Rt9";

    @TempDir
    Path work;

    private GreenMail smtp;
    private PortcullisServer server;
    private HttpSession http;
    private String databaseUrl;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static GreenMail smtpOn(int port) {
        var greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private void startService(int smtpPort, Map<String, String> extra) throws IOException {
        int httpPort = freePort();
        databaseUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        var environment = new HashMap<String, String>();
        environment.put("PORTCULLIS_HTTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_HTTP_PORT", Integer.toString(httpPort));
        environment.put("PORTCULLIS_SITE_URL", "http://127.0.0.1:" + httpPort);
        environment.put("PORTCULLIS_DATABASE_URL", databaseUrl);
        environment.put("PORTCULLIS_JWT_SECRET", "a-mail-flow-test-secret-of-more-than-32-bytes");
        environment.put("PORTCULLIS_ACCOUNT_EMAIL_VERIFICATION", "mandatory");
        environment.put("PORTCULLIS_MAIL_BACKEND", "smtp");
        environment.put("PORTCULLIS_MAIL_SMTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_MAIL_SMTP_PORT", Integer.toString(smtpPort));
        environment.put("PORTCULLIS_MAIL_SMTP_TIMEOUT", "PT2S");
        environment.put("PORTCULLIS_MAIL_DELIVERY_INTERVAL", "PT0.1S");
        environment.put("PORTCULLIS_MAIL_DELIVERY_FIRST_RETRY", "PT0.2S");
        environment.put("PORTCULLIS_MAIL_DELIVERY_MAX_RETRY", "PT0.5S");
        environment.put("PORTCULLIS_PASSWORD_HASHING_THREADS", "2");
        environment.putAll(extra);
        var config = new SettingsLoader(environment, Map.of(), 2, new SecureRandom()).load();
        server = PortcullisServer.start(config, Clock.systemUTC());
        http = new HttpSession(URI.create("http://127.0.0.1:" + httpPort));
    }

    private HttpSession.Answer register(String email) {
        return http.post("/auth/registration/", "{\"email\": \"" + email + "\", \"password1\": \"" + PASSWORD
                + "\", \"password2\": \"" + PASSWORD + "\"}");
    }

    private HttpSession.Answer logIn(String email, String password) {
        return http.post("/auth/login/", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }

    /** Waits long enough for a retry after a few failed attempts, on a loaded machine too. */
    private MimeMessage[] awaitMails(int count) {
        assertThat(smtp.waitForIncomingEmail(45_000, count)).as("%d mails arrive", count).isTrue();
        return smtp.getReceivedMessages();
    }

    /** The one received mail with this subject: GreenMail lists mails by mailbox, not by arrival. */
    private MimeMessage withSubject(String subject) throws jakarta.mail.MessagingException {
        var found = new java.util.ArrayList<MimeMessage>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                found.add(message);
            }
        }
        assertThat(found).as("mails with subject %s", subject).hasSize(1);
        return found.getFirst();
    }

    private static String linkIn(MimeMessage message) {
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message));
        assertThat(matcher.find()).as("a link in:%n%s", GreenMailUtil.getBody(message)).isTrue();
        return matcher.group(1);
    }

    @Test
    void mandatoryVerificationThenPasswordResetOverRealSmtp() throws Exception {
        smtp = smtpOn(freePort());
        startService(smtp.getSmtp().getPort(), Map.of());

        var registered = register("alice@example.com");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body()).isEqualTo("{\"detail\":\"Verification e-mail sent.\"}");
        assertThat(logIn("alice@example.com", PASSWORD).body())
                .isEqualTo("{\"non_field_errors\":[\"E-mail is not verified.\"]}");

        MimeMessage confirmation = awaitMails(1)[0];
        assertThat(confirmation.getSubject()).isEqualTo("[example.com] Please Confirm Your E-mail Address");
        assertThat(confirmation.getFrom()[0].toString()).isEqualTo("webmaster@localhost");
        String link = linkIn(confirmation);
        assertThat(link).startsWith(http.base() + "/auth/registration/account-confirm-email/");

        var followed = http.get(URI.create(link).getPath(), null);
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.raw().headers().firstValue("Location")).contains("/auth/login/");
        assertThat(http.get(URI.create(link).getPath(), null).status()).isEqualTo(404);

        assertThat(logIn("alice@example.com", PASSWORD).status()).isEqualTo(200);

        var reset = http.post("/auth/password/reset/", "{\"email\": \"alice@example.com\"}");
        assertThat(reset.body()).isEqualTo("{\"detail\":\"Password reset e-mail has been sent.\"}");
        var unknown = http.post("/auth/password/reset/", "{\"email\": \"nobody@example.com\"}");
        assertThat(unknown.status()).isEqualTo(reset.status());
        assertThat(unknown.body()).isEqualTo(reset.body());

        awaitMails(3);
        MimeMessage resetMail = withSubject("[example.com] Password Reset E-mail");
        MimeMessage unknownNotice = withSubject("[example.com] Unknown Account");
        assertThat(unknownNotice.getAllRecipients()[0].toString()).isEqualTo("nobody@example.com");
        assertThat(GreenMailUtil.getBody(unknownNotice)).contains("no account uses that e-mail address")
                .doesNotContain("/password/reset/confirm/");
        String[] parts = URI.create(linkIn(resetMail)).getPath().split("/");
        String uid = parts[parts.length - 2];
        String token = parts[parts.length - 1];
        var confirmed = http.post("/auth/password/reset/confirm/", "{\"uid\": \"" + uid + "\", \"token\": \"" + token
                + "\", \"new_password1\": \"R3set-Pass!\", \"new_password2\": \"R3set-Pass!\"}");
        assertThat(confirmed.body()).isEqualTo("{\"detail\":\"Password has been reset with the new password.\"}");

        assertThat(logIn("alice@example.com", PASSWORD).status()).isEqualTo(400);
        assertThat(logIn("alice@example.com", "R3set-Pass!").status()).isEqualTo(200);
        awaitMails(4);
        assertThat(withSubject("[example.com] Password Changed").getAllRecipients()[0].toString())
                .isEqualTo("alice@example.com");
        assertThat(smtp.getReceivedMessages()).hasSize(4);

        var again = register("ALICE@example.com");
        assertThat(again.status()).isEqualTo(registered.status());
        assertThat(again.body()).isEqualTo(registered.body());
        awaitMails(5);
        MimeMessage exists = withSubject("[example.com] Account Already Exists");
        assertThat(exists.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
    }

    @Test
    void mailQueuedWhileSmtpIsDownArrivesOnceWhenItReturns() throws Exception {
        int smtpPort = freePort();
        startService(smtpPort, Map.of());
        for (int i = 0; i < 20; i++) {
            assertThat(register("user" + i + "@example.com").status()).isEqualTo(201);
        }
        awaitFailedAttempts(20);

        smtp = smtpOn(smtpPort);
        MimeMessage[] received = awaitMails(20);
        awaitOutboxSent(20);
        List<String> recipients = Arrays.stream(smtp.getReceivedMessages())
                .map(message -> GreenMailUtil.getAddressList(recipientsOf(message)))
                .toList();
        assertThat(received).hasSize(20);
        assertThat(recipients).doesNotHaveDuplicates().hasSize(20);
    }

    @Test
    void aTemplateDroppedIntoTheOverrideDirectoryChangesTheNextMail() throws Exception {
        Path templates = Files.createDirectories(work.resolve("templates"));
        Files.writeString(templates.resolve("email_confirmation_message.txt"),
                "Welcome to [(${site_name})]! Confirm: [(${activate_url})]\n");
        smtp = smtpOn(freePort());
        startService(smtp.getSmtp().getPort(), Map.of("PORTCULLIS_MAIL_TEMPLATES_DIR", templates.toString()));

        register("bob@example.com");
        assertThat(GreenMailUtil.getBody(awaitMails(1)[0])).startsWith("Welcome to example.com! Confirm: http");

        Files.writeString(templates.resolve("email_confirmation_message.txt"),
                "Second version: [(${activate_url})]\n");
        http.post("/auth/registration/resend-email/", "{\"email\": \"bob@example.com\"}");
        assertThat(GreenMailUtil.getBody(awaitMails(2)[1])).startsWith("Second version: http");
    }

    @Test
    void aTemplateWithoutItsLinkStopsTheStartNamingTheFile() throws Exception {
        Path templates = Files.createDirectories(work.resolve("broken"));
        Files.writeString(templates.resolve("email_confirmation_message.txt"), "Hello, no link here.\n");
        var failure = org.assertj.core.api.Assertions.catchThrowable(() -> startService(freePort(),
                Map.of("PORTCULLIS_MAIL_TEMPLATES_DIR", templates.toString())));
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("email_confirmation_message.txt").contains("activate_url");
        server = null;
    }

    @Test
    void theClientsLanguageChoosesTheMailsLanguage() throws Exception {
        smtp = smtpOn(freePort());
        startService(smtp.getSmtp().getPort(), Map.of());
        var request = java.net.http.HttpRequest.newBuilder(URI.create(http.base() + "/auth/registration/"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\": \"carla@example.com\", \"password1\": \""
                        + PASSWORD + "\", \"password2\": \"" + PASSWORD + "\"}"))
                .build();
        var response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        MimeMessage mail = awaitMails(1)[0];
        assertThat(mail.getSubject()).isEqualTo("[example.com] Bitte bestätigen Sie Ihre E-Mail-Adresse");
        assertThat(GreenMailUtil.getBody(mail)).contains("/auth/registration/account-confirm-email/");
    }

    private static jakarta.mail.Address[] recipientsOf(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitFailedAttempts(int messages) throws SQLException, InterruptedException {
        awaitQuery("SELECT COUNT(*) FROM mail_outbox WHERE attempts > 0", messages);
    }

    private void awaitOutboxSent(int messages) throws SQLException, InterruptedException {
        awaitQuery("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'", messages);
    }

    private void awaitQuery(String countQuery, int expected) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        try (var connection = DriverManager.getConnection(databaseUrl, "sa", "")) {
            while (true) {
                try (var statement = connection.createStatement(); var result = statement.executeQuery(countQuery)) {
                    result.next();
                    if (result.getInt(1) >= expected) {
                        return;
                    }
                }
                assertThat(Instant.now()).as(countQuery).isBefore(deadline);
                synchronized (this) {
                    wait(50);
                }
            }
        }
    }
}
