package io.dashplane.schema;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PackageStructureTest {
    @Test
    void thePackagesOfTheSchemaImportEachOtherWithoutCycles() {
        slices().matching("io.dashplane.schema.(**)").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.dashplane.schema"));
    }
}
