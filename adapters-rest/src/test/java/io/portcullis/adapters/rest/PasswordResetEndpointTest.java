package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.settings.EmailVerification;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.mail.MailKind;
import io.portcullis.domain.mail.OutgoingMail;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The "Password reset" and "Password reset confirm" rows of the reference, over JSON. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordResetEndpointTest {

    static final String SENT = "200 {\"detail\":\"Password reset e-mail has been sent.\"}";
    static final String RESET = "200 {\"detail\":\"Password has been reset with the new password.\"}";
    static final String BAD_TOKEN = "400 {\"token\":[\"Invalid value\"]}";
    private static final String NEW = "R3set-Pass!";

    private final TestApp app = new TestApp(EmailVerification.MANDATORY);
    private ApiServer api;
    private String email;
    private String uid;
    private String token;

    @BeforeAll
    void start() {
        api = ApiServer.start(app);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    /** A verified account with a fresh reset link. */
    @BeforeEach
    void requestALink() {
        email = Flows.uniqueEmail("alice");
        Flows.registered(app, email);
        assertThat(requestReset(api, email)).hasToString(SENT);
        OutgoingMail mail = Mailbox.last(app, MailKind.PASSWORD_RESET, email);
        uid = mail.variables().get("uid");
        token = mail.variables().get("token");
    }

    static Reply requestReset(ApiServer server, String email) {
        return server.post("/auth/password/reset/").json("{\"email\": \"" + email + "\"}").send();
    }

    static String confirmJson(String uid, String token, String new1, String new2) {
        return "{\"uid\": \"" + uid + "\", \"token\": \"" + token + "\", \"new_password1\": \"" + new1
                + "\", \"new_password2\": \"" + new2 + "\"}";
    }

    private Reply confirm(String body) {
        return api.post("/auth/password/reset/confirm/").json(body).send();
    }

    @Test
    void mailsALinkToAKnownAddress() { // mandatory-101
        OutgoingMail mail = Mailbox.last(app, MailKind.PASSWORD_RESET, email);

        assertThat(mail.to().value()).isEqualTo(email);
        assertThat(mail.variables().get("password_reset_url")).endsWith("/password/reset/confirm/" + uid + "/" + token + "/");
    }

    @Test
    void answersTheSameForAnUnknownAddressAndMailsNothing() { // mandatory-102
        int before = app.outbox.size();
        String unknown = Flows.uniqueEmail("nobody");

        assertThat(requestReset(api, unknown)).hasToString(SENT);
        assertThat(app.outbox.size()).isEqualTo(before);
        assertThat(Mailbox.mails(app, MailKind.PASSWORD_RESET, unknown)).isEmpty();
    }

    @Test
    void asksForAValidAddress() { // mandatory-103, mandatory-104
        assertThat(requestReset(api, "bad")).hasToString("400 {\"email\":[\"Enter a valid email address.\"]}");
        assertThat(api.post("/auth/password/reset/").json("{}").send())
                .hasToString("400 {\"email\":[\"This field is required.\"]}");
    }

    @Test
    void findsTheAddressInAnyCaseAndMailsTheStoredOne() { // mandatory-105: dj-rest-auth mails the address as typed
        assertThat(requestReset(api, email.toUpperCase())).hasToString(SENT);

        var mails = Mailbox.mails(app, MailKind.PASSWORD_RESET, email);
        assertThat(mails).hasSize(2);
        assertThat(mails.getLast().to().value()).isEqualTo(email);
    }

    @Test
    void mailsAnUnverifiedAccountToo() { // mandatory-106
        String carol = "Carol.Mixed-" + Flows.uniqueEmail("x");
        Flows.registeredUnverified(app, carol);

        assertThat(requestReset(api, carol)).hasToString(SENT);
        assertThat(Mailbox.mails(app, MailKind.PASSWORD_RESET, carol)).hasSize(1);
    }

    @Test
    void refusesGetOnTheLinkToApiClients() { // mandatory-107
        Reply reply = api.get("/auth/password/reset/confirm/" + uid + "/" + token + "/").send();

        assertThat(reply).hasToString("405 {\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(api.get("/auth/password/reset/").send().header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(api.get("/auth/password/reset/confirm/").send().header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void listsEveryMissingFieldInTheSerializersOrder() { // mandatory-108
        assertThat(confirm("{}")).hasToString("400 {\"new_password1\":[\"This field is required.\"],"
                + "\"new_password2\":[\"This field is required.\"],\"uid\":[\"This field is required.\"],"
                + "\"token\":[\"This field is required.\"]}");
    }

    static Stream<Arguments> badUids() {
        return Stream.of(Arguments.of("mandatory-109 base36 of a missing pk", "zzzz"),
                Arguments.of("mandatory-110 not base36", "!!"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUids")
    void refusesABadUid(String row, String badUid) {
        assertThat(confirm(confirmJson(badUid, token, NEW, NEW))).hasToString("400 {\"uid\":[\"Invalid value\"]}");
    }

    @Test
    void refusesABadToken() { // mandatory-111
        assertThat(confirm(confirmJson(uid, "abc-123", NEW, NEW))).hasToString(BAD_TOKEN);
    }

    @Test
    void refusesDifferingPasswordsWithDjangosApostrophe() { // mandatory-112
        assertThat(confirm(confirmJson(uid, token, NEW, "R3set-Pass?")))
                .hasToString("400 {\"new_password2\":[\"The two password fields didn\u2019t match.\"]}");
    }

    @Test
    void refusesAWeakPasswordWithoutSpendingTheLink() { // mandatory-113
        assertThat(confirm(confirmJson(uid, token, "password", "password")))
                .hasToString("400 {\"new_password2\":[\"This password is too common.\"]}");
        assertThat(confirm(confirmJson(uid, token, NEW, NEW))).hasToString(RESET);
    }

    @Test
    void setsTheNewPasswordOnce() { // mandatory-114, mandatory-115, mandatory-116
        assertThat(confirm(confirmJson(uid, token, NEW, NEW))).hasToString(RESET);
        assertThat(confirm(confirmJson(uid, token, NEW + "2", NEW + "2"))).hasToString(BAD_TOKEN);

        assertThat(api.post("/auth/login/").json(Flows.loginJson(email, Flows.PASSWORD)).send().status()).isEqualTo(400);
        Flows.logIn(api, email, NEW);
    }

    @Test
    void killsTheLinkWhenThePasswordChanges() { // instead of mandatory-117/118: a later login leaves the link alive
        Flows.Tokens tokens = Flows.logIn(api, email);
        Reply changed = api.post("/auth/password/change/").bearer(tokens.access())
                .json("{\"old_password\": \"" + Flows.PASSWORD + "\", \"new_password1\": \"N3w-Pass!word\","
                        + " \"new_password2\": \"N3w-Pass!word\"}")
                .send();
        assertThat(changed.status()).isEqualTo(200);

        assertThat(confirm(confirmJson(uid, token, NEW, NEW))).hasToString(BAD_TOKEN);
    }

    @Test
    void killsOlderLinksWithTheOneUsed() {
        assertThat(requestReset(api, email)).hasToString(SENT);
        String newer = Mailbox.last(app, MailKind.PASSWORD_RESET, email).variables().get("token");

        assertThat(confirm(confirmJson(uid, newer, NEW, NEW))).hasToString(RESET);
        assertThat(confirm(confirmJson(uid, token, NEW + "2", NEW + "2"))).hasToString(BAD_TOKEN);
    }

    @Test
    void refusesTheLinkOfAnotherAccount() {
        Account bob = Flows.registered(app, Flows.uniqueEmail("bob"));
        String bobsUid = Long.toString(bob.id().value(), 36);

        assertThat(confirm(confirmJson(bobsUid, token, NEW, NEW))).hasToString(BAD_TOKEN);
    }

    @Test
    void takesUidAndTokenFromTheLinkWhenTheBodyHasNone() { // mandatory-127 differs: dj-rest-auth wants them in the body
        Reply reply = api.post("/auth/password/reset/confirm/" + uid + "/" + token + "/")
                .json("{\"new_password1\": \"" + NEW + "\", \"new_password2\": \"" + NEW + "\"}").send();

        assertThat(reply).hasToString(RESET);
        Flows.logIn(api, email, NEW);
    }

    @Test
    void prefersUidAndTokenOfTheBodyOnTheLink() { // mandatory-128
        Reply wrongInBody = api.post("/auth/password/reset/confirm/" + uid + "/" + token + "/")
                .json(confirmJson(uid, "abc-123", NEW, NEW)).send();
        Reply rightInBody = api.post("/auth/password/reset/confirm/" + uid + "/abc-123/")
                .json(confirmJson(uid, token, NEW, NEW)).send();

        assertThat(wrongInBody).hasToString(BAD_TOKEN);
        assertThat(rightInBody).hasToString(RESET);
    }

    @Test
    void describesItselfToOptions() {
        String media = "\"parses\":[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"]";
        assertThat(api.call("OPTIONS", "/auth/password/reset/").send().body()).isEqualTo(
                "{\"name\":\"Password Reset\",\"description\":\"Calls Django Auth PasswordResetForm save method.\\n\\n"
                        + "Accepts the following POST parameters: email\\nReturns the success/fail message.\","
                        + "\"renders\":[\"application/json\",\"text/html\"]," + media + ",\"actions\":{\"POST\":{"
                        + "\"email\":{\"type\":\"email\",\"required\":true,\"read_only\":false,\"label\":\"Email\"}}}}");
        String confirmDescription = "{\"name\":\"Password Reset Confirm\",\"description\":\"Password reset e-mail link is"
                + " confirmed, therefore\\nthis resets the user's password.\\n\\nAccepts the following POST parameters:"
                + " token, uid,\\n    new_password1, new_password2\\nReturns the success/fail message.\","
                + "\"renders\":[\"application/json\",\"text/html\"]," + media + ",\"actions\":{\"POST\":{"
                + "\"new_password1\":{\"type\":\"string\",\"required\":true,\"read_only\":false,\"label\":\"New password1\"},"
                + "\"new_password2\":{\"type\":\"string\",\"required\":true,\"read_only\":false,\"label\":\"New password2\"},"
                + "\"uid\":{\"type\":\"string\",\"required\":true,\"read_only\":false,\"label\":\"Uid\"},"
                + "\"token\":{\"type\":\"string\",\"required\":true,\"read_only\":false,\"label\":\"Token\"}}}}";
        assertThat(api.call("OPTIONS", "/auth/password/reset/confirm/").send().body()).isEqualTo(confirmDescription);
        assertThat(api.call("OPTIONS", "/auth/password/reset/confirm/1/x/").send().body()).isEqualTo(confirmDescription);
    }
}
