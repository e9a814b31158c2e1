package dev.idflow;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the dependency edges written in the README: they point one way, without cycles. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.idflow");
    }

    @Test
    void noCycles() {
        slices().matching("dev.idflow.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void modelDependsOnNothingOfIdflow() {
        noClasses().that().resideInAPackage("dev.idflow.model..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.idflow.syntax..", "dev.idflow.check..", "dev.idflow.flow..",
                        "dev.idflow.emit..", "dev.idflow.source..", "dev.idflow.config..", "dev.idflow.report..",
                        "dev.idflow.pipeline..", "dev.idflow.cli..", "dev.idflow.io..", "dev.idflow.diff..",
                        "dev.idflow.graph..", "dev.idflow.target..")
                .check(classes);
    }

    @Test
    void antlrStaysInSyntax() {
        noClasses().that().resideOutsideOfPackage("dev.idflow.syntax..").should().dependOnClassesThat()
                .resideInAPackage("org.antlr..").check(classes);
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.idflow.cli..").should().dependOnClassesThat()
                .resideInAPackage("dev.idflow.cli..").check(classes);
    }

    @Test
    void checksAndEmittersDoNotReadSyntaxOrSources() {
        noClasses().that().resideInAnyPackage("dev.idflow.check..", "dev.idflow.emit..", "dev.idflow.flow..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.idflow.syntax..", "dev.idflow.source..", "dev.idflow.pipeline..",
                        "dev.idflow.report..", "dev.idflow.diff..", "dev.idflow.graph..")
                .check(classes);
    }

    @Test
    void targetFactsSeeOnlyTheModel() {
        noClasses().that().resideInAPackage("dev.idflow.target..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.idflow.syntax..", "dev.idflow.check..", "dev.idflow.flow..",
                        "dev.idflow.emit..", "dev.idflow.source..", "dev.idflow.config..", "dev.idflow.report..",
                        "dev.idflow.pipeline..", "dev.idflow.cli..", "dev.idflow.io..", "dev.idflow.diff..",
                        "dev.idflow.graph..")
                .check(classes);
    }

    @Test
    void emittersDoNotDependOnChecks() {
        noClasses().that().resideInAPackage("dev.idflow.emit..").should().dependOnClassesThat()
                .resideInAPackage("dev.idflow.check..").allowEmptyShould(true).check(classes);
    }

    @Test
    void theSemanticDiffSeesOnlyTheModelAndFlows() {
        noClasses().that().resideInAPackage("dev.idflow.diff..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.idflow.syntax..", "dev.idflow.check..", "dev.idflow.emit..",
                        "dev.idflow.source..", "dev.idflow.config..", "dev.idflow.report..", "dev.idflow.pipeline..",
                        "dev.idflow.io..")
                .check(classes);
    }

    @Test
    void graphSeesFlowsModelAndPipelineResultsOnly() {
        noClasses().that().resideInAPackage("dev.idflow.graph..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.idflow.syntax..", "dev.idflow.check..", "dev.idflow.emit..",
                        "dev.idflow.source..", "dev.idflow.config..", "dev.idflow.report..", "dev.idflow.io..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineDrawsGraphs() {
        noClasses().that().resideOutsideOfPackages("dev.idflow.graph..", "dev.idflow.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.idflow.graph..").check(classes);
    }

    @Test
    void syntaxSourceAndConfigSeeOnlyTheModel() {
        noClasses().that().resideInAnyPackage("dev.idflow.syntax..", "dev.idflow.source..", "dev.idflow.config..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.idflow.check..", "dev.idflow.flow..", "dev.idflow.emit..",
                        "dev.idflow.report..", "dev.idflow.pipeline..")
                .check(classes);
    }
}
