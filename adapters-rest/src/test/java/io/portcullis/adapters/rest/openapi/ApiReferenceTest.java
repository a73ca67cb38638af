package io.portcullis.adapters.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.adapters.rest.describe.EndpointCatalogue;
import io.portcullis.adapters.rest.settings.CookieSettings;
import io.portcullis.adapters.rest.settings.RestSettings;
import io.portcullis.application.fixtures.ArticleSetup;
import io.portcullis.application.settings.EmailVerification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md is the OpenAPI document of the article's set-up, with social providers google and
 * github, written as Markdown. This test fails
 * when the two drift apart; run it with {@code -Dportcullis.write-api-reference=true} to rewrite
 * the page.
 */
class ApiReferenceTest {

    static final String WRITE = "portcullis.write-api-reference";

    @Test
    void docsApiMdIsTheOpenApiDocumentOfTheArticlesSetUp() throws IOException {
        var settings = RestSettings.defaults(ArticleSetup.settings(EmailVerification.MANDATORY, false))
                .withCookies(CookieSettings.named("my-app-auth", "my-refresh-token").withHttpOnly(false))
                .withSocialProviders(List.of("google", "github"));
        Map<String, Object> document = OpenApiDocument.build(new EndpointCatalogue(settings), settings);
        String generated = ApiReference.markdown(document);
        Path page = docs().resolve("api.md");
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(page, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(page)).as("docs/api.md exists; run with -D" + WRITE + "=true").isTrue();
        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .as("docs/api.md is out of step with the OpenAPI document: run this test with -D" + WRITE + "=true")
                .isEqualTo(generated);
    }

    @Test
    void listsEveryOperation() {
        var settings = RestSettings.defaults(ArticleSetup.settings()).withSocialProviders(List.of("corp"));
        Map<String, Object> document = OpenApiDocument.build(new EndpointCatalogue(settings), settings);
        String markdown = ApiReference.markdown(document);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(method -> !method.equals("parameters"))
                .forEach(method -> assertThat(markdown).contains("`" + method.toUpperCase() + " " + path + "`")));
        assertThat(markdown).contains(
                "| `gender` | string | yes | “Gender”. One of: M (Male), F (Female), NS (Not Specified). At most 20 characters. |",
                "| `phone_number` | string | yes | “Phone number”. At most 30 characters. Read-only. |");
    }

    private static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("docs");
            }
        }
        throw new IllegalStateException("docs/ not found above " + Path.of("").toAbsolutePath());
    }
}
