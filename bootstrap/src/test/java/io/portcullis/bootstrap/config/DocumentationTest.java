package io.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reader's way through the docs (the index, the quick start, the migration page, the API
 * reference and the guides) links to pages and pictures that exist, and the migration table names
 * only settings that exist.
 */
class DocumentationTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
    private static final Pattern SETTING_CELL = Pattern.compile("^\\|[^|]*\\|([^|]*)\\|");
    private static final Pattern KEY = Pattern.compile("`([a-z0-9-]+(?:\\.[a-z0-9<>_*-]+)+)(=[^`]*)?`");

    private static Path docs() {
        return ArticleExampleTest.docs("index.md").getParent();
    }

    @Test
    void everyRelativeLinkOfTheGuidingPagesLeadsToAFile() throws IOException {
        try (Stream<Path> guides = Files.list(docs().resolve("guides"))) {
            var pages = new java.util.ArrayList<>(guides.filter(p -> p.toString().endsWith(".md")).toList());
            for (String page : List.of("index.md", "quick-start.md", "migrating-from-dj-rest-auth.md", "api.md")) {
                pages.add(docs().resolve(page));
            }
            for (Path page : pages) {
                Matcher link = LINK.matcher(Files.readString(page));
                while (link.find()) {
                    String target = link.group(1);
                    if (target.contains("://") || target.startsWith("mailto:")) {
                        continue;
                    }
                    assertThat(page.getParent().resolve(target).normalize())
                            .as("%s links to %s", docs().relativize(page), target).exists();
                }
            }
        }
    }

    @Test
    void theMigrationTableNamesOnlyRealSettings() throws IOException {
        List<String> lines = Files.readAllLines(docs().resolve("migrating-from-dj-rest-auth.md"));
        int checked = 0;
        for (String line : lines) {
            Matcher cell = SETTING_CELL.matcher(line);
            if (!cell.find()) {
                continue;
            }
            Matcher key = KEY.matcher(cell.group(1));
            while (key.find()) {
                String name = key.group(1);
                checked++;
                if (name.equals("account.profile.<name>.*")) {
                    continue;
                } else if (name.startsWith("account.profile.<name>.")) {
                    assertThat(ConfigKeys.PROFILE_ATTRIBUTES).as(line).contains(name.substring("account.profile.<name>.".length()));
                } else if (name.equals("social.provider.<id>.*")) {
                    continue;
                } else if (name.startsWith("social.provider.<id>.")) {
                    assertThat(ConfigKeys.PROVIDER_ATTRIBUTES).as(line).contains(name.substring("social.provider.<id>.".length()));
                } else if (name.endsWith(".*")) {
                    String prefix = name.substring(0, name.length() - 1);
                    assertThat(ConfigKeys.fixedKeys()).as(line).anyMatch(k -> k.startsWith(prefix));
                } else {
                    assertThat(ConfigKeys.fixedKeys()).as(line).contains(name);
                }
            }
        }
        assertThat(checked).as("settings named in the table").isGreaterThan(60);
    }
}
