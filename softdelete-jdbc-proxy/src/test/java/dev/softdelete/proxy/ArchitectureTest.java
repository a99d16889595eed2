package dev.softdelete.proxy;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependency rules for this module's main classes (tests excluded): its packages form no cycle. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.softdelete.proxy");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.softdelete.proxy.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
