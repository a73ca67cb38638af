package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.settings.EmailVerification;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bodies in every accepted format, and every way a body can be wrong. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestBodyTest {

    private static final int LIMIT = 2048;
    private static final String PASSWORD_REQUIRED = "400 {\"password\":[\"This field is required.\"]}";

    private final TestApp app = new TestApp(EmailVerification.NONE);
    private ApiServer api;

    @BeforeAll
    void start() {
        api = ApiServer.start(app, RestSettings.defaults(app.settings).withMaxRequestBytes(LIMIT));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private Reply login(String contentType, byte[] body) {
        return api.post("/auth/login/").body(contentType, body).send();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void saysWhereJsonBreaks() {
        Reply reply = login("application/json", utf8("{\"email\": \"a@example.com\",\n \"password\" \"x\"}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).startsWith("JSON parse error - ").endsWith(": line 2 column 13 (char 39)");
    }

    @Test
    void refusesDataAfterTheObject() {
        assertThat(login("application/json", utf8("{} {}")))
                .hasToString("400 {\"detail\":\"JSON parse error - Extra data: line 1 column 4 (char 3)\"}");
    }

    @Test
    void refusesABodyOfWhitespace() {
        assertThat(login("application/json", utf8("  \n ")))
                .hasToString("400 {\"detail\":\"JSON parse error - Expecting value: line 2 column 2 (char 4)\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1, 2]     | list",
        "\"text\"   | str",
        "42         | int",
        "4.2        | float",
        "true       | bool"})
    void refusesJsonThatIsNotAnObject(String json, String type) {
        assertThat(login("application/json", utf8(json))).hasToString(
                "400 {\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got " + type + ".\"]}");
    }

    @Test
    void refusesANullBody() {
        assertThat(login("application/json", utf8("null")))
                .hasToString("400 {\"non_field_errors\":[\"This field may not be null.\"]}");
    }

    @Test
    void namesTheByteThatIsNotUtf8() {
        byte[] body = utf8("{\"email\": \"x\u00ff\"}");
        byte[] broken = Arrays.copyOf(body, body.length);
        broken[12] = (byte) 0xff;
        broken[13] = (byte) 0xfe;

        assertThat(login("application/json", broken)).hasToString("400 {\"detail\":\"JSON parse error - "
                + "'utf-8' codec can't decode byte 0xff in position 12: invalid start byte\"}");
    }

    @Test
    void honoursADeclaredCharset() {
        Flows.registered(app, "latin@example.com");
        byte[] body = "{\"email\": \"latin@example.com\", \"password\": \"Xq7!vLp2#Rt9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(login("application/json; charset=ISO-8859-1", body).status()).isEqualTo(200);
    }

    @Test
    void refusesOtherMediaTypes() {
        assertThat(login("text/plain", utf8("email=x")))
                .hasToString("415 {\"detail\":\"Unsupported media type \\\"text/plain\\\" in request.\"}");
        assertThat(login("text/plain; charset=utf-8", utf8("email=x")))
                .hasToString("415 {\"detail\":\"Unsupported media type \\\"text/plain; charset=utf-8\\\" in request.\"}");
        assertThat(login("not a media type", utf8("email=x")))
                .hasToString("415 {\"detail\":\"Unsupported media type \\\"not a media type\\\" in request.\"}");
        assertThat(login(null, utf8("{}")))
                .hasToString("415 {\"detail\":\"Unsupported media type \\\"\\\" in request.\"}");
    }

    @Test
    void readsAnEmptyBodyAsAnEmptyObjectWhateverItsType() {
        assertThat(login(null, new byte[0])).hasToString(PASSWORD_REQUIRED);
        assertThat(login("text/plain", new byte[0])).hasToString(PASSWORD_REQUIRED);
        assertThat(login("application/json", new byte[0])).hasToString(PASSWORD_REQUIRED);
        assertThat(api.post("/auth/login/").send()).hasToString(PASSWORD_REQUIRED);
    }

    @Test
    void refusesABodyOverTheLimit() {
        byte[] big = utf8("{\"email\": \"" + "a".repeat(LIMIT) + "\"}");
        String tooLarge = "413 {\"detail\":\"Request body exceeds the limit of " + LIMIT + " bytes.\"}";

        assertThat(login("application/json", big)).hasToString(tooLarge);
        Reply chunked = api.post("/auth/login/").header("Content-Type", "application/json")
                .body(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).send();
        assertThat(chunked).hasToString(tooLarge);
        assertThat(login("application/json", utf8("{\"email\": \"" + "a".repeat(LIMIT - 30) + "\"}")).status()).isEqualTo(400);
    }

    @Test
    void readsNumbersAsTheirText() {
        Reply reply = api.post("/auth/registration/").json("{\"email\": \"numbers@example.com\", \"password1\": \"Xq7!vLp2#Rt9\","
                + " \"password2\": \"Xq7!vLp2#Rt9\", \"gender\": \"F\", \"phone_number\": 15550001111}").send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("user").get("phone_number").asText()).isEqualTo("15550001111");
    }

    @Test
    void refusesValuesThatAreNotText() {
        Reply reply = api.post("/auth/registration/").json("{\"email\": true, \"password1\": [\"a\"], \"password2\": {\"a\": 1},"
                + " \"gender\": [\"F\", null, true], \"phone_number\": false}").send();

        assertThat(reply).hasToString("400 {\"email\":[\"Not a valid string.\"],\"password1\":[\"Not a valid string.\"],"
                + "\"password2\":[\"Not a valid string.\"],\"gender\":[\"\\\"['F', None, True]\\\" is not a valid choice.\"],"
                + "\"phone_number\":[\"Not a valid string.\"]}");
    }

    @Test
    void readsAFormEncodedBody() {
        Reply reply = api.post("/auth/registration/")
                .form("email=form%40example.com&password1=Xq7%21vLp2%23Rt9&password2=Xq7%21vLp2%23Rt9&gender=M&phone_number=%2B1+555")
                .send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("user").get("phone_number").asText()).isEqualTo("+1 555");
    }

    @Test
    void refusesAFormThatIsNotUtf8() {
        assertThat(api.post("/auth/login/").form("email=%FF&password=x").send()).hasToString("400 {\"detail\":"
                + "\"Form data parse error - 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte\"}");
    }

    @Test
    void readsTheTextPartsOfAMultipartBody() {
        String body = """
                --XyZ\r
                Content-Disposition: form-data; name="email"\r
                \r
                multi@example.com\r
                --XyZ\r
                Content-Disposition: form-data; name="password1"\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                Xq7!vLp2#Rt9\r
                --XyZ\r
                Content-Disposition: form-data; name="password2"\r
                \r
                Xq7!vLp2#Rt9\r
                --XyZ\r
                Content-Disposition: form-data; name="gender"\r
                \r
                NS\r
                --XyZ\r
                Content-Disposition: form-data; name="phone_number"\r
                \r
                +15550001111\r
                --XyZ--\r
                """;

        Reply reply = api.post("/auth/registration/").body("multipart/form-data; boundary=XyZ", utf8(body)).send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("user").get("gender").asText()).isEqualTo("NS");
    }

    @Test
    void treatsAFilePartAsNotText() {
        String body = """
                --b\r
                Content-Disposition: form-data; name="email"; filename="me.txt"\r
                Content-Type: text/plain\r
                \r
                a@example.com\r
                --b--\r
                """;

        assertThat(api.post("/auth/login/").body("multipart/form-data; boundary=b", utf8(body)).send())
                .hasToString("400 {\"email\":[\"Not a valid string.\"],\"password\":[\"This field is required.\"]}");
    }

    @Test
    void refusesAMultipartBodyWithoutBoundary() {
        assertThat(api.post("/auth/login/").body("multipart/form-data", utf8("--x\r\n\r\n--x--")).send()).hasToString(
                "400 {\"detail\":\"Multipart form parse error - Invalid boundary in multipart: None\"}");
    }
}
