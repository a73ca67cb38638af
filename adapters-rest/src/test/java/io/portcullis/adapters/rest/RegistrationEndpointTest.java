package io.portcullis.adapters.rest;

import static io.portcullis.adapters.rest.Flows.masked;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.settings.EmailVerification;
import io.portcullis.domain.account.Account;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The registration rows of the reference: the main run (mandatory verification) and the none variant. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationEndpointTest {

    private static final String SENT = "{\"detail\":\"Verification e-mail sent.\"}";

    private final TestApp mandatoryApp = new TestApp(EmailVerification.MANDATORY);
    private final TestApp noneApp = new TestApp(EmailVerification.NONE);
    private ApiServer mandatory;
    private ApiServer none;

    @BeforeAll
    void start() {
        mandatory = ApiServer.start(mandatoryApp);
        none = ApiServer.start(noneApp);
    }

    @AfterAll
    void stop() {
        mandatory.close();
        none.close();
    }

    static String form(String email, String password1, String password2) {
        return "{\"email\": \"" + email + "\", \"password1\": \"" + password1 + "\", \"password2\": \"" + password2
                + "\", \"gender\": \"F\", \"phone_number\": \"+15550001111\"}";
    }

    static String form(String email) {
        return form(email, Flows.PASSWORD, Flows.PASSWORD);
    }

    @Test
    void sendsTheVerificationMailOnly() { // mandatory-1
        Reply reply = mandatory.post("/auth/registration/").json(form("alice@example.com")).send();

        assertThat(reply).hasToString("201 " + SENT);
        assertThat(reply.header("Cache-Control")).isNull();
        assertThat(mandatoryApp.account("alice@example.com").emailVerified()).isFalse();
    }

    @Test
    void refusesATakenAddressInAnyCase() { // mandatory-2, mandatory-3
        String email = Flows.uniqueEmail("taken");
        assertThat(mandatory.post("/auth/registration/").json(form(email)).send().status()).isEqualTo(201);

        Reply same = mandatory.post("/auth/registration/").json(form(email)).send();
        Reply upper = mandatory.post("/auth/registration/").json(form(email.toUpperCase())).send();

        String taken = "400 {\"email\":[\"A user is already registered with this e-mail address.\"]}";
        assertThat(same).hasToString(taken);
        assertThat(upper).hasToString(taken);
    }

    static Stream<Arguments> refusals() {
        String tooShort = "This password is too short. It must contain at least 8 characters.";
        return Stream.of(
                Arguments.of("mandatory-4 passwords differ", form("m1@example.com", "Xq7!vLp2#Rt9", "Xq7!vLp2#Rt0"),
                        "{\"non_field_errors\":[\"The two password fields didn't match.\"]}"),
                Arguments.of("mandatory-5 five characters", form("m2@example.com", "aB3!x", "aB3!x"),
                        "{\"password1\":[\"" + tooShort + "\"]}"),
                Arguments.of("mandatory-6 seven characters", form("m3@example.com", "aB3!xy7", "aB3!xy7"),
                        "{\"password1\":[\"" + tooShort + "\"]}"),
                Arguments.of("mandatory-7 common", form("m4@example.com", "password123", "password123"),
                        "{\"password1\":[\"This password is too common.\"]}"),
                Arguments.of("mandatory-8 numeric", form("m5@example.com", "9384756102", "9384756102"),
                        "{\"password1\":[\"This password is entirely numeric.\"]}"),
                Arguments.of("mandatory-9 short, common, numeric", form("m6@example.com", "1234567", "1234567"),
                        "{\"password1\":[\"" + tooShort
                                + "\",\"This password is too common.\",\"This password is entirely numeric.\"]}"),
                Arguments.of("mandatory-10 similar to the address", form("johnsmith@example.com", "johnsmith1", "johnsmith1"),
                        "{\"non_field_errors\":[\"The password is too similar to the email address.\"]}"),
                Arguments.of("mandatory-11 mismatch and weak", form("m7@example.com", "123", "456"),
                        "{\"password1\":[\"" + tooShort
                                + "\",\"This password is too common.\",\"This password is entirely numeric.\"]}"),
                Arguments.of("mandatory-12 nothing", "{}",
                        "{\"email\":[\"This field is required.\"],\"password1\":[\"This field is required.\"],"
                                + "\"password2\":[\"This field is required.\"],\"gender\":[\"This field is required.\"],"
                                + "\"phone_number\":[\"This field is required.\"]}"),
                Arguments.of("mandatory-13 blanks",
                        "{\"email\": \"\", \"password1\": \"\", \"password2\": \"\", \"gender\": \"\", \"phone_number\": \"\"}",
                        "{\"email\":[\"This field may not be blank.\"],\"password1\":[\"This field may not be blank.\"],"
                                + "\"password2\":[\"This field may not be blank.\"],"
                                + "\"gender\":[\"\\\"\\\" is not a valid choice.\"],"
                                + "\"phone_number\":[\"This field may not be blank.\"]}"),
                Arguments.of("mandatory-14 invalid e-mail, gender, phone",
                        "{\"email\": \"not-an-email\", \"password1\": \"Xq7!vLp2#Rt9\", \"password2\": \"Xq7!vLp2#Rt9\","
                                + " \"gender\": \"X\", \"phone_number\": \"1111111111111111111111111111111\"}",
                        "{\"email\":[\"Enter a valid email address.\"],\"gender\":[\"\\\"X\\\" is not a valid choice.\"],"
                                + "\"phone_number\":[\"Ensure this field has no more than 30 characters.\"]}"),
                Arguments.of("mandatory-15 nulls",
                        "{\"email\": null, \"password1\": null, \"password2\": null, \"gender\": null, \"phone_number\": null}",
                        "{\"email\":[\"This field may not be null.\"],\"password1\":[\"This field may not be null.\"],"
                                + "\"password2\":[\"This field may not be null.\"],\"gender\":[\"This field may not be null.\"],"
                                + "\"phone_number\":[\"This field may not be null.\"]}"),
                Arguments.of("mandatory-16 a username although there are none",
                        "{\"email\": \"withusername@example.com\", \"password1\": \"Xq7!vLp2#Rt9\", \"password2\": \"Xq7!vLp2#Rt9\","
                                + " \"gender\": \"F\", \"phone_number\": \"+15550001111\", \"username\": \"bob\"}",
                        "{\"username\":[\"Ensure this field has no more than 0 characters.\"]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String row, String body, String expected) {
        Reply reply = mandatory.post("/auth/registration/").json(body).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo(expected);
    }

    @Test
    void refusesMalformedJson() { // mandatory-17
        Reply reply = mandatory.post("/auth/registration/").json("{\"email\": ").send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText())
                .startsWith("JSON parse error - ")
                .endsWith(": line 1 column 11 (char 10)");
    }

    @Test
    void refusesPlainText() { // mandatory-18
        Reply reply = mandatory.post("/auth/registration/").body("text/plain", "email=x".getBytes(StandardCharsets.UTF_8)).send();

        assertThat(reply).hasToString("415 {\"detail\":\"Unsupported media type \\\"text/plain\\\" in request.\"}");
    }

    @Test
    void acceptsAFormEncodedBody() { // mandatory-19
        Reply reply = mandatory.post("/auth/registration/")
                .form("email=form%40example.com&password1=Xq7%21vLp2%23Rt9&password2=Xq7%21vLp2%23Rt9&gender=M&phone_number=123")
                .send();

        assertThat(reply).hasToString("201 " + SENT);
        assertThat(mandatoryApp.account("form@example.com").profile().get("gender")).contains("M");
    }

    @Test
    void keepsTheAddressAsTyped() { // mandatory-20
        Reply reply = mandatory.post("/auth/registration/").json(form("Carol.Mixed@Example.COM")).send();

        assertThat(reply).hasToString("201 " + SENT);
        assertThat(mandatoryApp.account("carol.mixed@example.com").email().orElseThrow().value())
                .isEqualTo("Carol.Mixed@Example.COM");
    }

    @Test
    void refusesGet() { // mandatory-21
        Reply reply = mandatory.get("/auth/registration/").send();

        assertThat(reply).hasToString("405 {\"detail\":\"Method \\\"GET\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void answersTokensAndTheUserWithoutVerification() { // none-1, none-2
        Reply reply = none.post("/auth/registration/").json(form("dave@example.com")).send();

        Account dave = noneApp.account("dave@example.com");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(masked(reply)).isEqualTo(
                "{\"access\":\"<access>\",\"refresh\":\"<refresh>\",\"user\":" + Flows.userJson(dave, "F") + "}");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.headers("Set-Cookie")).isEmpty();

        Reply again = none.post("/auth/registration/").json(form("dave@example.com")).send();
        assertThat(again).hasToString("400 {\"email\":[\"A user is already registered with this e-mail address.\"]}");

        Reply login = none.post("/auth/login/").json(Flows.loginJson("dave@example.com", Flows.PASSWORD)).send(); // none-3
        assertThat(login.status()).isEqualTo(200);
    }
}
