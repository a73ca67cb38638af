package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.application.settings.AccountSettings;
import io.portcullis.application.settings.EmailVerification;
import io.portcullis.application.settings.LoginMethod;
import io.portcullis.application.settings.TokenSettings;
import io.portcullis.domain.password.PasswordPolicy;
import io.portcullis.domain.profile.Choice;
import io.portcullis.domain.profile.ProfileField;
import io.portcullis.domain.profile.ProfileFieldType;
import io.portcullis.domain.profile.ProfileSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The documentation's example reproduces the article's set-up, and documents every key. */
class ArticleExampleTest {

    static Path docs(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theArticleExampleLoadsIntoTheArticlesAccountSettings() {
        PortcullisConfig config = Loading.withSecret().commandLine(docs("examples/article.properties")).load();

        var gender = new ProfileField("gender", "Gender", ProfileFieldType.CHOICE,
                List.of(new Choice("M", "Male"), new Choice("F", "Female"), new Choice("NS", "Not Specified")),
                20, Optional.empty(), true, true);
        var phoneNumber = new ProfileField("phone_number", "Phone number", ProfileFieldType.TEXT, List.of(),
                30, Optional.empty(), true, false);
        var expected = new AccountSettings(
                LoginMethod.EMAIL, true, false, false, true, 1, EmailVerification.NONE,
                new ProfileSchema(List.of(gender, phoneNumber)),
                List.of("pk", "email", "phone_number", "gender"),
                PasswordPolicy.djangoDefaults(), 4096, true, false);
        assertThat(config.account()).isEqualTo(expected);

        assertThat(config.http().basePath()).isEqualTo("/dj-rest-auth");
        assertThat(config.jwt().tokens()).isEqualTo(TokenSettings.simpleJwtDefaults());
        assertThat(config.cookies().accessName()).contains("my-app-auth");
        assertThat(config.cookies().refreshName()).contains("my-refresh-token");
        assertThat(config.cookies().httpOnly()).isFalse();
    }

    @Test
    void theReferenceDocumentsEveryKey() throws IOException {
        String reference = Files.readString(docs("configuration.md"));
        for (String key : ConfigKeys.fixedKeys()) {
            assertThat(reference).as("docs/configuration.md documents " + key).contains("`" + key + "`");
        }
        for (String attribute : ConfigKeys.PROFILE_ATTRIBUTES) {
            assertThat(reference).contains("`account.profile.<name>." + attribute + "`");
        }
        for (String attribute : ConfigKeys.PROVIDER_ATTRIBUTES) {
            assertThat(reference).contains("`social.provider.<id>." + attribute + "`");
        }
    }

    @Test
    void theReferenceShowsTheExampleFileAsItIs() throws IOException {
        String reference = Files.readString(docs("configuration.md"));
        Files.readAllLines(docs("examples/article.properties")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> assertThat(reference).as("configuration.md shows: " + line).contains(line));
    }
}
