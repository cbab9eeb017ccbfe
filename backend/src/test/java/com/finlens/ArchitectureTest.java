package com.finlens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dependency graph of the production code, as docs/architecture.md draws it. */
class ArchitectureTest {

    /** The features; platform and integration serve them, the root package (App, Wiring, AppConfig) wires them. */
    private static final Set<String> FEATURES = Set.of("account", "assistant", "knowledge", "market", "watchlist");

    /** Read from the compiled classes folder only: scanning every jar on the test classpath costs seconds. */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(List.of(Location.of(App.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    @DisplayName("No package cycle between the top-level packages (features, integration, platform), nor between"
            + " the packages inside them")
    void noCycles() {
        slices().matching("com.finlens.(*)..").should().beFreeOfCycles().check(PRODUCTION);
        slices().matching("com.finlens.(**)").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    @DisplayName("Platform imports nothing of Finlens outside platform: no feature, no integration, no composition root")
    void platformImportsNoFeature() {
        noClasses().that().resideInAPackage("com.finlens.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("com.finlens", "com.finlens.account..",
                        "com.finlens.assistant..", "com.finlens.knowledge..", "com.finlens.market..",
                        "com.finlens.integration..")
                .check(PRODUCTION);
    }

    @Test
    @DisplayName("Features call each other's services, never each other's repositories")
    void noForeignRepositories() {
        classes().that().resideOutsideOfPackage("com.finlens")
                .should(keepToTheirOwnFeaturesRepositories())
                .check(PRODUCTION);
    }

    @Test
    @DisplayName("Only the composition root picks implementations: no feature imports an integration adapter's"
            + " vector store or embedder")
    void featuresDoNotPickAdapters() {
        noClasses().that().resideInAnyPackage("com.finlens.knowledge..", "com.finlens.account..")
                .should().dependOnClassesThat().resideInAPackage("com.finlens.integration..")
                .check(PRODUCTION);
    }

    private static ArchCondition<JavaClass> keepToTheirOwnFeaturesRepositories() {
        return new ArchCondition<>("use no repository of another feature") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = feature(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> theirs = feature(target);
                    if (theirs.isPresent() && !theirs.equals(own) && target.getSimpleName().endsWith("Repository")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static Optional<String> feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("com.finlens.")) {
            return Optional.empty();
        }
        String top = name.substring("com.finlens.".length()).split("\\.")[0];
        return FEATURES.contains(top) ? Optional.of(top) : Optional.empty();
    }
}
