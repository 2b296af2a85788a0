package com.bizcharts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the layering honest: only ui/ may touch JavaFX, and the engine never reaches into ui/ or cli/. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.bizcharts");

    @Test
    void theRulesSeeEveryPackage() {
        // A rule over no classes passes vacuously: make sure the import found the code the rules are about.
        for (String pkg : new String[]{"collect", "store", "coins", "sentiment", "learn", "remote", "index", "secrets", "app", "cli", "ui"}) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("com.bizcharts." + pkg)))
                    .as("classes in com.bizcharts." + pkg).isTrue();
        }
    }

    @Test
    void onlyTheUiPackageUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("com.bizcharts.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.jfree.chart.fx..")
                .check(classes);
    }

    @Test
    void engineDoesNotDependOnUiOrCli() {
        noClasses().that().resideInAnyPackage("com.bizcharts.collect..", "com.bizcharts.store..", "com.bizcharts.coins..",
                        "com.bizcharts.sentiment..", "com.bizcharts.learn..", "com.bizcharts.remote..", "com.bizcharts.index..",
                        "com.bizcharts.secrets..")
                .should().dependOnClassesThat().resideInAnyPackage("com.bizcharts.ui..", "com.bizcharts.cli..", "com.bizcharts.app..")
                .check(classes);
    }

    @Test
    void theCompositionRootIsOnlyWiring() {
        // Main (which face to open) lives above app: app builds the engine and knows neither face
        noClasses().that().resideInAPackage("com.bizcharts.app..")
                .should().dependOnClassesThat().resideInAnyPackage("com.bizcharts.ui..", "com.bizcharts.cli..")
                .check(classes);
    }

    @Test
    void theFacesNeverTouchTheDatabase() {
        // commands and view-models take feature services from the engine; the store's tables are the store's
        noClasses().that().resideInAnyPackage("com.bizcharts.cli..", "com.bizcharts.ui..")
                .should().dependOnClassesThat().resideInAPackage("com.bizcharts.store.schema..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.bizcharts.store.Database")
                .check(classes);
    }

    @Test
    void theFacesUseTheFeatureServicesNotTheEnginesDatabase() {
        noClasses().that().resideInAnyPackage("com.bizcharts.cli..", "com.bizcharts.ui..")
                .should().callMethod(com.bizcharts.app.Engine.class, "database").check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        // generated jOOQ classes (store.schema) refer to each other by design; they are not ours to layer
        JavaClasses ours = classes.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage("com.bizcharts.store.schema.."));
        slices().matching("com.bizcharts.(*)..").should().beFreeOfCycles().check(ours);
        // within sentiment, the image side and the fusion of signals point one way (fusion reads images)
        noClasses().that().resideInAPackage("com.bizcharts.sentiment.image..")
                .should().dependOnClassesThat().resideInAPackage("com.bizcharts.sentiment.fusion..").check(classes);
        // within store, the label files and queue use the store, never the other way round... and never a model
        noClasses().that().resideInAPackage("com.bizcharts.store..")
                .should().dependOnClassesThat().resideInAPackage("com.bizcharts.sentiment..").check(classes);
    }

    @Test
    void everyPackageIsFreeOfCycles() {
        // not only the top-level features: a sub-package that needs its parent while the parent needs it is one room
        JavaClasses ours = classes.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage("com.bizcharts.store.schema.."));
        slices().matching("com.bizcharts.(**)").should().beFreeOfCycles().check(ours);
    }

    @Test
    void theStoreNeverReachesUp() {
        noClasses().that().resideInAPackage("com.bizcharts.store..")
                .should().dependOnClassesThat().resideInAnyPackage("com.bizcharts.sentiment..", "com.bizcharts.learn..",
                        "com.bizcharts.collect..", "com.bizcharts.index..", "com.bizcharts.remote..", "com.bizcharts.coins..")
                .check(classes);
    }

    @Test
    void onlyRepositoriesTouchTheSchema() {
        // The store and the read models named *Repository (in their feature package) own the SQL; the rest ask them.
        noClasses().that().resideOutsideOfPackage("com.bizcharts.store..")
                .and().haveSimpleNameNotEndingWith("Repository")
                .should().dependOnClassesThat().resideInAPackage("com.bizcharts.store.schema..")
                .check(classes);
    }

    @Test
    void cliDoesNotUseTheUi() {
        noClasses().that().resideInAPackage("com.bizcharts.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.bizcharts.ui..")
                .check(classes);
    }
}
