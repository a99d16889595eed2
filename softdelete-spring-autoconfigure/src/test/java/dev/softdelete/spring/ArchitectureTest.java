package dev.softdelete.spring;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependency rules for this module's main classes (tests excluded): its packages form no cycle. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.softdelete.spring");

    @Test
    void packagesAreFreeOfCycles() {
        // Every class is in dev.softdelete.spring itself today, so there are no slices yet: the rule
        // guards sub-packages added later, and must not fail for having nothing to check.
        slices().matching("dev.softdelete.spring.(**)").should().beFreeOfCycles().allowEmptyShould(true)
                .check(MAIN);
    }
}
