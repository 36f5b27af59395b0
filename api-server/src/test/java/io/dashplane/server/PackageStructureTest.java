package io.dashplane.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md ("Code structure"), checked on the compiled server (tests excluded). */
class PackageStructureTest {
    private static final String ROOT = "io.dashplane.server";
    /** What the HTTP plumbing may build on: itself and the other packages that know no domain. */
    private static final String[] PLUMBING = {ROOT + ".http..", ROOT + ".storage..", ROOT + ".errors..",
            ROOT + ".metrics.."};
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theHttpPackageIsPlumbingThatKnowsNoDomainAndNotTheCompositionRoot() {
        classes().that().resideInAPackage(ROOT + ".http..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAnyPackage(PLUMBING)))
                .check(SERVER);
    }

    /** The command line starts the server, so it is the one package above the composition root. */
    @Test
    void nothingButTheCommandLineDependsOnTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(SERVER);
    }

    /** "io.dashplane.(**)" rather than ROOT + ".(**)": the root package is a slice too ("server"). */
    @Test
    void thePackagesOfTheServerImportEachOtherWithoutCycles() {
        slices().matching("io.dashplane.(**)").should().beFreeOfCycles().check(SERVER);
    }
}
