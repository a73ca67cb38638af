package io.portcullis.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.settings.EmailVerification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OPTIONS answers in DRF's metadata shape (reference Part 5), built from the article's settings.
 * Every endpoint renders {@code text/html} too: browsers get the browsable page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptionsMetadataTest {

    private static final String MEDIA = "\"renders\":[\"application/json\",\"text/html\"],"
            + "\"parses\":[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"]";
    private static final String GENDER_CHOICES = "\"choices\":[{\"value\":\"M\",\"display_name\":\"Male\"},"
            + "{\"value\":\"F\",\"display_name\":\"Female\"},{\"value\":\"NS\",\"display_name\":\"Not Specified\"}]";

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

    @Test
    void describesLogin() { // mandatory-132
        Reply reply = api.call("OPTIONS", "/auth/login/").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"name\":\"Login\",\"description\":\"Check the credentials and return the REST Token\\n"
                + "if the credentials are valid and authenticated.\\nCalls Django Auth login method to register User ID\\n"
                + "in Django session framework\\n\\nAccept the following POST parameters: username, password\\n"
                + "Return the REST Framework Token Object's key.\"," + MEDIA + ",\"actions\":{\"POST\":{"
                + "\"username\":{\"type\":\"string\",\"required\":false,\"read_only\":false,\"label\":\"Username\"},"
                + "\"email\":{\"type\":\"email\",\"required\":false,\"read_only\":false,\"label\":\"Email\"},"
                + "\"password\":{\"type\":\"string\",\"required\":true,\"read_only\":false,\"label\":\"Password\"}}}}");
        assertThat(reply.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void describesRegistrationFromTheProfileSchema() { // mandatory-133
        Reply reply = api.call("OPTIONS", "/auth/registration/").send();

        assertThat(reply.body()).isEqualTo("{\"name\":\"Register\",\"description\":\"\"," + MEDIA + ",\"actions\":{\"POST\":{"
                + "\"username\":{\"type\":\"string\",\"required\":false,\"read_only\":false,\"label\":\"Username\","
                + "\"min_length\":1,\"max_length\":0},"
                + "\"email\":{\"type\":\"email\",\"required\":true,\"read_only\":false,\"label\":\"Email\"},"
                + "\"password1\":{\"type\":\"string\",\"required\":true,\"read_only\":false,\"label\":\"Password1\"},"
                + "\"password2\":{\"type\":\"string\",\"required\":true,\"read_only\":false,\"label\":\"Password2\"},"
                + "\"gender\":{\"type\":\"choice\",\"required\":true,\"read_only\":false,\"label\":\"Gender\"," + GENDER_CHOICES + "},"
                + "\"phone_number\":{\"type\":\"string\",\"required\":true,\"read_only\":false,\"label\":\"Phone number\","
                + "\"max_length\":30}}}}");
    }

    @Test
    void describesTheUserToItsOwner() { // mandatory-134
        Flows.registered(app, "options@example.com");
        String access = Flows.logIn(api, "options@example.com").access();

        Reply reply = api.call("OPTIONS", "/auth/user/").bearer(access).send();

        assertThat(reply.body()).isEqualTo("{\"name\":\"User Details\",\"description\":\"Reads and updates UserModel fields\\n"
                + "Accepts GET, PUT, PATCH methods.\\n\\nDefault accepted fields: username, first_name, last_name\\n"
                + "Default display fields: pk, username, email, first_name, last_name\\nRead-only fields: pk, email\\n\\n"
                + "Returns UserModel fields.\"," + MEDIA + ",\"actions\":{\"PUT\":{"
                + "\"pk\":{\"type\":\"integer\",\"required\":false,\"read_only\":true,\"label\":\"ID\"},"
                + "\"email\":{\"type\":\"email\",\"required\":false,\"read_only\":true,\"label\":\"Email address\"},"
                + "\"phone_number\":{\"type\":\"string\",\"required\":false,\"read_only\":true,\"label\":\"Phone number\"},"
                + "\"gender\":{\"type\":\"choice\",\"required\":true,\"read_only\":false,\"label\":\"Gender\"," + GENDER_CHOICES + "}}}}");
        assertThat(reply.header("Allow")).isEqualTo("GET, PUT, PATCH, HEAD, OPTIONS");
    }

    @Test
    void asksForCredentialsBeforeDescribingTheUser() {
        assertThat(api.call("OPTIONS", "/auth/user/").send())
                .hasToString("401 {\"detail\":\"Authentication credentials were not provided.\"}");
    }

    @Test
    void describesTheOtherEndpoints() {
        assertThat(api.call("OPTIONS", "/auth/token/verify/").send().json().get("actions").get("POST").get("token")
                .get("required").asBoolean()).isTrue();
        assertThat(api.call("OPTIONS", "/auth/token/refresh/").send().json().get("actions").get("POST").get("access")
                .get("read_only").asBoolean()).isTrue();
        assertThat(api.call("OPTIONS", "/auth/logout/").send().json().has("actions")).isFalse();
        assertThat(api.call("OPTIONS", "/auth/logout").send().status()).isEqualTo(200);
    }
}
