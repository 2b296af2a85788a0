package com.bizcharts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the layering honest: only ui/ may touch JavaFX, and the engine never reaches into ui/ or cli/. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.bizcharts");

    @Test
    void theRulesSeeEveryPackage() {
        // A rule over no classes passes vacuously: make sure the import found the code the rules are about.
        for (String pkg : new String[]{"collect", "store", "coins", "sentiment", "learn", "remote", "index", "app", "cli", "ui"}) {
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
                        "com.bizcharts.sentiment..", "com.bizcharts.learn..", "com.bizcharts.remote..", "com.bizcharts.index..")
                .should().dependOnClassesThat().resideInAnyPackage("com.bizcharts.ui..", "com.bizcharts.cli..", "com.bizcharts.app..")
                .check(classes);
    }

    @Test
    void cliDoesNotUseTheUi() {
        noClasses().that().resideInAPackage("com.bizcharts.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.bizcharts.ui..")
                .check(classes);
    }
}
