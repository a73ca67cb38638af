package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.settings.EmailVerification;
import io.portcullis.domain.mail.MailKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The "Resend verification e-mail" rows of the reference: one answer for all, a mail only for the unconfirmed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResendEmailEndpointTest {

    private static final String OK = "200 {\"detail\":\"ok\"}";

    private final TestApp app = new TestApp(EmailVerification.MANDATORY);
    private ApiServer api;

    @BeforeAll
    void start() {
        api = ApiServer.start(app);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private Reply resend(String email) {
        return api.post("/auth/registration/resend-email/").json("{\"email\": \"" + email + "\"}").send();
    }

    @Test
    void mailsAnUnconfirmedAddressAgainWithAKeyThatWorks() { // mandatory-30
        String email = Flows.uniqueEmail("alice");
        Flows.registeredUnverified(app, email);

        assertThat(resend(email)).hasToString(OK);
        assertThat(resend(email.toUpperCase())).hasToString(OK);

        var resent = Mailbox.mails(app, MailKind.EMAIL_CONFIRMATION, email);
        assertThat(resent).hasSize(2);
        assertThat(resent.getFirst().to().value()).isEqualTo(email);
        String key = resent.getLast().variables().get("key");
        assertThat(api.post("/auth/registration/verify-email/").json("{\"key\": \"" + key + "\"}").send()).hasToString(OK);
    }

    @Test
    void answersTheSameForAnUnknownAddressAndMailsNothing() { // mandatory-31
        int before = app.outbox.size();

        assertThat(resend("nobody-" + Flows.uniqueEmail("x"))).hasToString(OK);
        assertThat(app.outbox.size()).isEqualTo(before);
    }

    @Test
    void mailsNothingToAConfirmedAddress() { // mandatory-41
        String email = Flows.uniqueEmail("verified");
        Flows.registered(app, email);

        assertThat(resend(email)).hasToString(OK);
        assertThat(Mailbox.mails(app, MailKind.EMAIL_CONFIRMATION, email)).isEmpty();
    }

    @Test
    void asksForAValidAddress() { // mandatory-32, mandatory-33
        assertThat(api.post("/auth/registration/resend-email/").json("{}").send())
                .hasToString("400 {\"email\":[\"This field is required.\"]}");
        assertThat(resend("x")).hasToString("400 {\"email\":[\"Enter a valid email address.\"]}");
    }

    @Test
    void refusesGet() {
        Reply reply = api.get("/auth/registration/resend-email/").send();

        assertThat(reply).hasToString("405 {\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void describesItselfToOptions() {
        assertThat(api.call("OPTIONS", "/auth/registration/resend-email/").send().body())
                .isEqualTo("{\"name\":\"Resend Email Verification\",\"description\":\"\","
                        + "\"renders\":[\"application/json\",\"text/html\"],"
                        + "\"parses\":[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"],"
                        + "\"actions\":{\"POST\":{\"email\":{\"type\":\"email\",\"required\":true,\"read_only\":false,"
                        + "\"label\":\"Email\"}}}}");
    }
}
