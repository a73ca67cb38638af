package io.portcullis.adapters.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of this module, on top of the project-wide rules in bootstrap. */
class SecurityAdapterArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.portcullis.adapters.security");

    @Test
    void usesOnlyTheHexagonTheJdkItsTwoCryptoLibrariesAndTheLoggingApi() {
        // slf4j: the key directory tells the operator about generated, retired and exposed keys.
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "io.portcullis.adapters.security..",
                        "io.portcullis.application..", "io.portcullis.domain..",
                        "com.auth0.jwt..", "org.bouncycastle.crypto..", "org.slf4j")
                .check(CLASSES);
    }

    @Test
    void tokensAndPasswordsAreIndependent() {
        noClasses().that().resideInAPackage("..security.jwt..")
                .should().dependOnClassesThat().resideInAPackage("..security.password..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..security.password..")
                .should().dependOnClassesThat().resideInAnyPackage("..security.jwt..", "com.auth0..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..security.jwt..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(CLASSES);
    }
}
