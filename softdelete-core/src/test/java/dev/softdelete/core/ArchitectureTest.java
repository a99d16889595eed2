package dev.softdelete.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaFieldAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.softdelete.core.dialect.DatabaseKind;
import org.junit.jupiter.api.Test;

/**
 * Dependency rules for core's main classes (tests excluded): packages form no cycle; feature
 * packages do not reach back to the facade {@link SoftDelete}; only the dialect package tells
 * databases apart by {@link DatabaseKind} constant (everyone else asks the {@code Dialect}).
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.softdelete.core");

    /** Every package under {@code dev.softdelete.core} but the facade's own. */
    private static final String[] FEATURE_PACKAGES = {"dev.softdelete.core.runs..", "dev.softdelete.core.purge..", "dev.softdelete.core.deprecation..",
        "dev.softdelete.core.cleanup..", "dev.softdelete.core.migration..", "dev.softdelete.core.catalog..", "dev.softdelete.core.audit..",
        "dev.softdelete.core.check..",
        "dev.softdelete.core.registry..", "dev.softdelete.core.table..", "dev.softdelete.core.schema..",
        "dev.softdelete.core.jdbc..", "dev.softdelete.core.dialect..", "dev.softdelete.core.metrics..",
        "dev.softdelete.core.alert..", "dev.softdelete.core.logging..", "dev.softdelete.core.time..",
        "dev.softdelete.core.internal.."};

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.softdelete.core.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void featurePackagesDoNotUseTheFacade() {
        noClasses().that().resideInAnyPackage(FEATURE_PACKAGES)
                .should().dependOnClassesThat().belongToAnyOf(SoftDelete.class)
                .check(MAIN);
    }

    /**
     * Naming a {@link DatabaseKind} constant (an {@code ==} or a {@code switch}, which compiles to
     * reading the constants) is the dialect package's business; elsewhere, {@code kind()} may be
     * passed on or printed, and {@link DatabaseKind#scriptFolder()} may be asked.
     */
    @Test
    void onlyTheDialectPackageNamesDatabaseKinds() {
        noClasses().that().resideOutsideOfPackage("dev.softdelete.core.dialect..")
                .should().accessFieldWhere(target(owner(equivalentTo(DatabaseKind.class))))
                .as("no class outside dev.softdelete.core.dialect should access DatabaseKind constants")
                .check(MAIN);
    }
}
