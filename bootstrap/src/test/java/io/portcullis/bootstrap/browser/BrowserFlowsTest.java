package io.portcullis.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.portcullis.bootstrap.config.SettingsLoader;
import io.portcullis.bootstrap.server.PortcullisServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person with nothing but a browser and a mailbox: registers on the registration page, confirms
 * through the link of the mail (received over SMTP by GreenMail), logs in on the login page, sees
 * and changes the gender on the user page, changes the password, and resets it through the
 * mailed link's page. The article's set-up with mandatory verification, the real service in this
 * JVM, and headless Chromium from the system's packages.
 */
class BrowserFlowsTest {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+)");
    private static final String EMAIL = "alice@example.com";
    private static final String PASSWORD = "Xq7!vLp2#Rt9";
    private static final String CHANGED = "Zb4$kWm8&Qs1";
    private static final String RESET = "R3set-Pass!42";

    private GreenMail smtp;
    private PortcullisServer server;
    private Browser browser;
    private String base;

    @BeforeEach
    void start() throws IOException {
        boolean installed = Browser.installed();
        if (System.getenv("CI") == null) {
            assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        }
        assertThat(installed).as("CI installs chromium and chromium-driver (.ci/run)").isTrue();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        var environment = new HashMap<String, String>();
        environment.put("PORTCULLIS_HTTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_HTTP_PORT", Integer.toString(port));
        environment.put("PORTCULLIS_SITE_URL", base);
        environment.put("PORTCULLIS_DATABASE_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        environment.put("PORTCULLIS_JWT_SECRET", "a-browser-test-secret-of-more-than-32-bytes");
        environment.put("PORTCULLIS_ACCOUNT_EMAIL_VERIFICATION", "mandatory");
        environment.put("PORTCULLIS_ACCOUNT_PROFILE_FIELDS", "gender,phone_number");
        environment.put("PORTCULLIS_ACCOUNT_PROFILE_GENDER_TYPE", "choice");
        environment.put("PORTCULLIS_ACCOUNT_PROFILE_GENDER_CHOICES", "M:Male,F:Female,NS:Not Specified");
        environment.put("PORTCULLIS_ACCOUNT_PROFILE_GENDER_MAX_LENGTH", "20");
        environment.put("PORTCULLIS_ACCOUNT_PROFILE_PHONE_NUMBER_MAX_LENGTH", "30");
        environment.put("PORTCULLIS_ACCOUNT_PROFILE_PHONE_NUMBER_EDITABLE", "false");
        environment.put("PORTCULLIS_USER_FIELDS", "pk,email,phone_number,gender");
        environment.put("PORTCULLIS_MAIL_BACKEND", "smtp");
        environment.put("PORTCULLIS_MAIL_SMTP_HOST", "127.0.0.1");
        environment.put("PORTCULLIS_MAIL_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        environment.put("PORTCULLIS_MAIL_DELIVERY_INTERVAL", "PT0.1S");
        environment.put("PORTCULLIS_PASSWORD_HASHING_THREADS", "2");
        var config = new SettingsLoader(environment, Map.of(), 2, new SecureRandom()).load();
        server = PortcullisServer.start(config, Clock.systemUTC());
        browser = new Browser();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
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

    /** The link of the mail whose subject says so, once that many mails have come. */
    private String awaitLink(int mails, String subject) throws Exception {
        assertThat(smtp.waitForIncomingEmail(15_000, mails)).as("%d mails arrive", mails).isTrue();
        MimeMessage message = null;
        for (MimeMessage received : smtp.getReceivedMessages()) {
            if (received.getSubject().contains(subject)) {
                message = received;
            }
        }
        assertThat(message).as("a mail about " + subject).isNotNull();
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message));
        assertThat(matcher.find()).as("a link in the mail").isTrue();
        return matcher.group(1);
    }

    private void logIn(String password) {
        browser.type("email", EMAIL);
        browser.type("password", password);
        browser.send("POST");
        browser.waitForText("#status-line", "HTTP 200");
    }

    @Test
    void registerConfirmLogInChangeTheProfileAndResetThePassword() throws Exception {
        // Registration: the page of a POST-only endpoint says GET is not allowed, and its form works.
        browser.open(base + "/auth/registration/");
        assertThat(browser.text("#status-line")).isEqualTo("HTTP 405 Method Not Allowed");
        assertThat(browser.text("#response-body")).contains("Method \\\"GET\\\" not allowed.");
        browser.type("email", EMAIL);
        browser.type("password1", PASSWORD);
        browser.type("password2", PASSWORD);
        browser.choose("gender", "Female");
        browser.type("phone_number", "+15550001111");
        browser.screenshot("registration");
        browser.send("POST");
        browser.waitForText("#status-line", "HTTP 201");
        assertThat(browser.text("#response-body")).contains("\"detail\": \"Verification e-mail sent.\"");

        // The mailed link confirms and lands on the login page.
        browser.open(awaitLink(1, "Please Confirm Your E-mail Address"));
        assertThat(browser.url()).isEqualTo(base + "/auth/login/");
        assertThat(browser.text("h1")).isEqualTo("Login");
        logIn(PASSWORD);
        assertThat(browser.text("#response-body")).contains("\"access\": \"", "\"gender\": \"F\"");
        assertThat(browser.text("#session")).contains("Signed in as " + EMAIL);
        browser.screenshot("login");

        // The user page works with that login: the token kept by the page goes as a Bearer token.
        browser.find("nav a[href='/auth/user/']").click();
        browser.waitForText("#status-line", "HTTP 200");
        assertThat(browser.value("gender")).isEqualTo("F");
        assertThat(browser.value("phone_number")).isEqualTo("+15550001111");
        assertThat(browser.find("#field-phone_number").getDomProperty("readOnly")).isEqualTo("true");
        browser.choose("gender", "Male");
        browser.send("PATCH");
        browser.waitForText("#status-line", "HTTP 200");
        assertThat(browser.text("#response-body")).contains("\"gender\": \"M\"", "\"phone_number\": \"+15550001111\"");
        browser.open(base + "/auth/user/");
        browser.waitForText("#status-line", "HTTP 200");
        assertThat(browser.value("gender")).isEqualTo("M");
        browser.screenshot("user");

        // Password change, with the same login.
        browser.open(base + "/auth/password/change/");
        browser.type("old_password", PASSWORD);
        browser.type("new_password1", CHANGED);
        browser.type("new_password2", CHANGED);
        browser.send("POST");
        browser.waitForText("#status-line", "HTTP 200");
        assertThat(browser.text("#response-body")).contains("New password has been saved.");
        browser.screenshot("password-change");

        // Forgotten anyway: the reset link of the mail lands on a page that sets a new one.
        browser.open(base + "/auth/password/reset/");
        browser.type("email", EMAIL);
        browser.send("POST");
        browser.waitForText("#status-line", "HTTP 200");
        // The third mail: the second told of the password change.
        browser.open(awaitLink(3, "Password Reset E-mail"));
        assertThat(browser.text("h1")).isEqualTo("Set a New Password");
        browser.find("#new_password1").sendKeys(RESET);
        browser.find("#new_password2").sendKeys(RESET);
        browser.screenshot("password-reset-link");
        browser.find("button[type='submit']").click();
        browser.waitForText("p", "Your password has been reset.");

        browser.open(base + "/auth/login/");
        logIn(RESET);
        assertThat(browser.text("#response-body")).contains("\"gender\": \"M\"");
    }

    @Test
    void escapesWhatIsTypedAndRunsNoScriptFromAnAnswer() {
        browser.open(base + "/auth/registration/");
        browser.type("email", "<img src=x onerror=alert(1)>@example.com");
        browser.type("password1", "short");
        browser.type("password2", "short");
        browser.send("POST");
        browser.waitForText("#status-line", "HTTP 400");

        assertThat(browser.text("#response-body")).contains("Enter a valid email address.");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#response img"))).isEmpty();
    }
}
