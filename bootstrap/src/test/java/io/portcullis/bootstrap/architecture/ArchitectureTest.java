package io.portcullis.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the dependency rules on the production classes of every module. */
class ArchitectureTest {

    private static final ArchitectureRules RULES = new ArchitectureRules("io.portcullis");
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.portcullis");
    }

    static Stream<ArchRule> rules() {
        return RULES.all().stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void productionCodeFollows(ArchRule rule) {
        rule.check(production);
    }

    @Test
    void everyModuleIsImported() {
        // Guards against a rule passing because a layer's classes were not on the classpath.
        for (String layer : new String[] {"domain", "application", "adapters.rest", "adapters.persistence",
                "adapters.security", "bootstrap"}) {
            assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith("io.portcullis." + layer)))
                    .as("classes of layer %s", layer).isTrue();
        }
    }
}
