package dev.gongkai.report;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.render.CanonicalJson;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The report core keeps its shape: no package cycles, and no framework. */
class ArchitectureTest {

    private static final com.tngtech.archunit.core.domain.JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("dev.gongkai.report");

    @Test
    void packagesHaveNoCycles() {
        // Frozen, the one edge left of the imports/render cycle: the reader's JSON case reads the canonical form
        // with the renderer's CanonicalJson. Moving canonical reading into imports removes it (and this line).
        SlicesRuleDefinition.slices().matching("dev.gongkai.report.(**)").should().beFreeOfCycles()
                .ignoreDependency(ReportReader.class, CanonicalJson.class).check(CLASSES);
    }

    @Test
    void theCoreIsPlainJava() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..",
                "jakarta.servlet..").check(CLASSES);
    }
}
