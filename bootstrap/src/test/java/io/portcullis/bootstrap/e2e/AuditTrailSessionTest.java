package io.portcullis.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.portcullis.bootstrap.audit.LogAuditTrail;
import io.portcullis.bootstrap.config.SettingsLoader;
import io.portcullis.bootstrap.server.PortcullisServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A whole session scripted against the real service, in this JVM, with mail over real SMTP
 * (GreenMail): every authentication event it causes is a row of {@code audit_events} and a line of
 * the audit log, in order, with the client's address and User-Agent; and no row or line holds a
 * password, a token, a key or a link the script used.
 */
class AuditTrailSessionTest {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+)");
    private static final String PASSWORD = "Xq7!vLp2#Rt9";
    private static final String WRONG_PASSWORD = "Wr0ng-Guess!x";
    private static final String CHANGED_PASSWORD = "Ch4nged-Pass!y";
    private static final String RESET_PASSWORD = "R3set-Pass!z";

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger auditLogger = (Logger) LoggerFactory.getLogger(LogAuditTrail.LOGGER);
    private final List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG_PASSWORD, CHANGED_PASSWORD,
            RESET_PASSWORD));
    private GreenMail smtp;
    private PortcullisServer server;
    private HttpSession http;
    private String databaseUrl;

    @BeforeEach
    void start() throws IOException {
        lines.start();
        auditLogger.addAppender(lines);
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        int httpPort = freePort();
        databaseUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        var environment = new HashMap<String, String>();
        environment.put("PORTCULLIS_HTTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_HTTP_PORT", Integer.toString(httpPort));
        environment.put("PORTCULLIS_SITE_URL", "http://127.0.0.1:" + httpPort);
        environment.put("PORTCULLIS_DATABASE_URL", databaseUrl);
        environment.put("PORTCULLIS_JWT_SECRET", "an-audit-trail-test-secret-of-more-than-32-bytes");
        environment.put("PORTCULLIS_ACCOUNT_EMAIL_VERIFICATION", "mandatory");
        environment.put("PORTCULLIS_PASSWORD_RESET_LOGOUT", "true");
        environment.put("PORTCULLIS_RATE_LIMITS_RESET_PASSWORD", "1/m/ip");
        environment.put("PORTCULLIS_MAIL_BACKEND", "smtp");
        environment.put("PORTCULLIS_MAIL_SMTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_MAIL_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        environment.put("PORTCULLIS_MAIL_DELIVERY_INTERVAL", "PT0.1S");
        environment.put("PORTCULLIS_PASSWORD_HASHING_THREADS", "2");
        var config = new SettingsLoader(environment, Map.of(), 2, new SecureRandom()).load();
        server = PortcullisServer.start(config, Clock.systemUTC());
        http = new HttpSession(URI.create("http://127.0.0.1:" + httpPort));
    }

    @AfterEach
    void stop() {
        auditLogger.detachAppender(lines);
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

    private HttpSession.Answer logIn(String email, String password) {
        return http.post("/auth/login/", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }

    private HttpSession.Answer loggedIn(String email, String password) {
        HttpSession.Answer answer = logIn(email, password);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        secrets.add(answer.text("access"));
        secrets.add(answer.text("refresh"));
        return answer;
    }

    private HttpSession.Answer refresh(String token) {
        return http.post("/auth/token/refresh/", "{\"refresh\": \"" + token + "\"}");
    }

    /** The link of the mail with this subject, once {@code count} mails arrived (in whichever order). */
    private String linkOfMail(int count, String subject) throws Exception {
        assertThat(smtp.waitForIncomingEmail(15_000, count)).as("%d mails arrive", count).isTrue();
        MimeMessage message = null;
        for (MimeMessage received : smtp.getReceivedMessages()) {
            if (received.getSubject().equals(subject)) {
                message = received;
            }
        }
        assertThat(message).as("a mail \"%s\"", subject).isNotNull();
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message));
        assertThat(matcher.find()).isTrue();
        String link = matcher.group(1);
        secrets.add(link);
        return link;
    }

    @Test
    void everyEventOfAScriptedSessionIsARowAndALineAndNoneHoldsASecret() throws Exception {
        assertThat(http.post("/auth/registration/", "{\"email\": \"alice@example.com\", \"password1\": \""
                + PASSWORD + "\", \"password2\": \"" + PASSWORD + "\"}").status()).isEqualTo(201);
        assertThat(logIn("alice@example.com", PASSWORD).status()).isEqualTo(400);
        String confirmation = linkOfMail(1, "[example.com] Please Confirm Your E-mail Address");
        String key = confirmation.replaceAll(".*/account-confirm-email/([^/]+)/?$", "$1");
        secrets.add(key);
        assertThat(http.get(URI.create(confirmation).getPath(), null).status()).isEqualTo(302);

        assertThat(logIn("alice@example.com", WRONG_PASSWORD).status()).isEqualTo(400);
        assertThat(logIn(WRONG_PASSWORD + "@example.com", PASSWORD).status()).isEqualTo(400);
        var first = loggedIn("alice@example.com", PASSWORD);
        var rotated = refresh(first.text("refresh"));
        assertThat(rotated.status()).isEqualTo(200);
        secrets.add(rotated.text("access"));
        secrets.add(rotated.text("refresh"));
        assertThat(refresh(first.text("refresh")).status()).isEqualTo(401);

        var laptop = loggedIn("alice@example.com", PASSWORD);
        var phone = loggedIn("alice@example.com", PASSWORD);
        String phoneSession = null;
        for (var session : http.get("/auth/sessions/", laptop.text("access")).json()) {
            if (!session.get("current").asBoolean()) {
                phoneSession = session.get("id").asText();
            }
        }
        assertThat(http.send("DELETE", "/auth/sessions/" + phoneSession + "/", "", laptop.text("access")).status())
                .isEqualTo(204);
        assertThat(refresh(phone.text("refresh")).status()).isEqualTo(401);

        assertThat(http.send("POST", "/auth/password/change/", "{\"old_password\": \"" + PASSWORD
                + "\", \"new_password1\": \"" + CHANGED_PASSWORD + "\", \"new_password2\": \"" + CHANGED_PASSWORD
                + "\"}", laptop.text("access")).status()).isEqualTo(200);

        assertThat(http.post("/auth/password/reset/", "{\"email\": \"alice@example.com\"}").status()).isEqualTo(200);
        String[] parts = URI.create(linkOfMail(3, "[example.com] Password Reset E-mail")).getPath().split("/");
        String uid = parts[parts.length - 2];
        String token = parts[parts.length - 1];
        secrets.add(token);
        assertThat(http.post("/auth/password/reset/confirm/", "{\"uid\": \"" + uid + "\", \"token\": \"" + token
                + "\", \"new_password1\": \"" + RESET_PASSWORD + "\", \"new_password2\": \"" + RESET_PASSWORD
                + "\"}").status()).isEqualTo(200);

        var last = loggedIn("alice@example.com", RESET_PASSWORD);
        assertThat(http.post("/auth/logout/", "{\"refresh\": \"" + last.text("refresh") + "\"}").status())
                .isEqualTo(200);
        assertThat(http.post("/auth/password/reset/", "{\"email\": \"alice@example.com\"}").status()).isEqualTo(429);

        List<String> expected = List.of(
                "account_created succeeded -",
                "login_failed failed not_verified",
                "email_confirmed succeeded -",
                "login_failed failed wrong_password",
                "login_failed failed unknown_account",
                "login_succeeded succeeded -",
                "refresh_reuse_detected failed refresh_token_reused",
                "session_revoked succeeded refresh_token_reused",
                "login_succeeded succeeded -",
                "login_succeeded succeeded -",
                "session_revoked succeeded revoked_by_owner",
                "password_changed succeeded -",
                "password_reset succeeded -",
                "session_revoked succeeded password_reset",
                "login_succeeded succeeded -",
                "logged_out succeeded -",
                "rate_limit_hit failed reset_password");

        List<Map<String, String>> rows = rows();
        assertThat(rows).extracting(row -> row.get("event_type") + " " + row.get("outcome") + " "
                + (row.get("reason") == null ? "-" : row.get("reason"))).containsExactlyElementsOf(expected);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("ip_address")).isEqualTo("127.0.0.1");
            assertThat(row.get("user_agent")).startsWith("Java-http-client/");
        });
        // Every event names alice's account but a login for an unknown address and a rate-limit refusal.
        List<String> anonymous = java.util.Arrays.asList("unknown_account", "reset_password");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("account_id"))
                .isEqualTo(anonymous.contains(row.get("reason")) ? null : rows.get(0).get("account_id")));

        List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(logged).extracting(AuditTrailSessionTest::summary).containsExactlyElementsOf(expected);
        assertThat(logged).allSatisfy(line -> assertThat(line)
                .contains(" ip=127.0.0.1 ", " user_agent=\"Java-http-client/"));

        assertThat(secrets).hasSizeGreaterThan(15);
        for (String secret : secrets) {
            assertThat(rows).allSatisfy(row -> assertThat(row.values()).noneMatch(v -> v != null && v.contains(secret)));
            assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain(secret));
        }
    }

    /** {@code event outcome reason} of a log line. */
    private static String summary(String line) {
        Matcher m = Pattern.compile("^event=(\\S+) outcome=(\\S+) .* reason=(\\S+)$").matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        return m.group(1) + " " + m.group(2) + " " + m.group(3);
    }

    private List<Map<String, String>> rows() throws Exception {
        var rows = new ArrayList<Map<String, String>>();
        try (Connection c = DriverManager.getConnection(databaseUrl, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM audit_events ORDER BY id")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new HashMap<String, String>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
