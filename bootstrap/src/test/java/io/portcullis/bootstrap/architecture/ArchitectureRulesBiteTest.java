package io.portcullis.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves each rule can fail: the {@code archfixture} package holds one deliberate violation of
 * every rule, laid out like the real modules.
 */
class ArchitectureRulesBiteTest {

    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages("archfixture");

    static Stream<ArchRule> rules() {
        return new ArchitectureRules("archfixture").all().stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void ruleReportsTheFixturesViolation(ArchRule rule) {
        assertThat(rule.evaluate(VIOLATIONS).hasViolation()).as(rule.getDescription()).isTrue();
    }
}
