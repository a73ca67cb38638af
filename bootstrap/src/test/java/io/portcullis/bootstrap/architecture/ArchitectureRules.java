package io.portcullis.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The dependency rules of the hexagon, written against a root package so that the same rules
 * can be run against a fixture that breaks them. None of them may pass by matching nothing.
 */
final class ArchitectureRules {

    static final List<String> ADAPTERS = List.of("rest", "persistence", "security", "mail", "social");

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    private String pkg(String relative) {
        return root + "." + relative + "..";
    }

    ArchRule domainDependsOnTheJdkAlone() {
        return classes().that().resideInAPackage(pkg("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(pkg("domain"), "java..")
                .because("the domain is pure: no framework, no adapter, no application type");
    }

    ArchRule applicationDependsOnDomainAndJdkAlone() {
        return classes().that().resideInAPackage(pkg("application"))
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(pkg("application"), pkg("domain"), "java..")
                .because("use cases know ports, never jakarta, MyBatis, auth0 or Jackson types");
    }

    ArchRule adaptersDoNotKnowEachOther() {
        return slices().matching(root + ".adapters.(*)..")
                .should().notDependOnEachOther()
                .because("an adapter is swapped alone; only bootstrap knows the concrete adapters");
    }

    ArchRule onlyBootstrapKnowsAdapters() {
        return noClasses().that().resideInAnyPackage(pkg("domain"), pkg("application"))
                .should().dependOnClassesThat().resideInAPackage(pkg("adapters"))
                .because("arrows point inward: adapters -> application -> domain");
    }

    ArchRule nothingDependsOnBootstrap() {
        return noClasses().that().resideOutsideOfPackage(pkg("bootstrap"))
                .should().dependOnClassesThat().resideInAPackage(pkg("bootstrap"))
                .because("the composition root sits outside the hexagon");
    }

    ArchRule restNeverTouchesPersistenceTypes() {
        return noClasses().that().resideInAPackage(pkg("adapters.rest"))
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.ibatis..", "com.zaxxer..", "java.sql..")
                .because("resources reach data through use cases, never through mappers or JDBC");
    }

    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    ArchRule everyClassBelongsToALayer() {
        var layers = new java.util.ArrayList<String>(List.of(pkg("domain"), pkg("application"), pkg("bootstrap")));
        ADAPTERS.forEach(adapter -> layers.add(pkg("adapters." + adapter)));
        return classes().that().resideInAPackage(root + "..")
                .should().resideInAnyPackage(layers.toArray(String[]::new))
                .because("a class outside every layer would escape every rule");
    }

    List<ArchRule> all() {
        return List.of(domainDependsOnTheJdkAlone(), applicationDependsOnDomainAndJdkAlone(),
                adaptersDoNotKnowEachOther(), onlyBootstrapKnowsAdapters(), nothingDependsOnBootstrap(),
                restNeverTouchesPersistenceTypes(), noPackageCycles(), everyClassBelongsToALayer());
    }
}
