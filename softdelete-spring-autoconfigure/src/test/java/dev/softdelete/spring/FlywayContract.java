package dev.softdelete.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.registry.NewRun;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.schema.SchemaScript;
import dev.softdelete.testing.DatabaseTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The application's own Flyway migrations (a {@code V1__} in {@code classpath:db/host}, Boot's
 * {@code FlywayAutoConfiguration}) next to the library's schema, both ways the library offers: its
 * built-in initializer (versions in {@code {prefix}schema_version}) and Flyway applying its scripts
 * in a history table of their own ({@code softdelete.schema.flyway.enabled}). Each test uses its own
 * table prefix and host history table, so they share the class's database.
 */
public abstract class FlywayContract extends DatabaseTest {

    private ApplicationContextRunner runner(String prefix, String hostHistory) {
        return new ApplicationContextRunner()
                .withConfiguration(BootAutoConfigurations.jdbc())
                .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues(BootAutoConfigurations.dataSource(db))
                .withPropertyValues("spring.flyway.locations=classpath:db/host", "spring.flyway.table=" + hostHistory,
                        "spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=0", "softdelete.table-prefix=" + prefix);
    }

    @Test
    void theBuiltInInitializerKeepsItsVersionsApartFromTheApplicationsMigrations() {
        runner("bi_", "host_history_bi").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(applied("host_history_bi", "classpath:db/host")).filteredOn(m -> m.endsWith(" SQL"))
                    .containsExactly("1 SQL");
            assertThat(db.queryLong("SELECT MAX(version) FROM bi_schema_version"))
                    .isEqualTo(SoftDeleteHealthIndicator.latestSchemaVersion());
            assertUsableAndHealthy(context.getBean(SoftDelete.class), context.getBean("softDeleteHealthIndicator",
                    HealthIndicator.class));
        });
    }

    @Test
    void flywayAppliesTheLibrarysScriptsInAHistoryOfTheirOwnNextToTheApplicationsV1() {
        runner("fw_", "host_history_fw").withPropertyValues("softdelete.schema.flyway.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            SoftDeleteFlywayMigration migration = context.getBean(SoftDeleteFlywayMigration.class);
            assertThat(migration.historyTable()).isEqualTo("fw_flyway_history");
            assertThat(applied("host_history_fw", "classpath:db/host")).filteredOn(m -> m.endsWith(" SQL"))
                    .containsExactly("1 SQL");
            assertThat(applied("fw_flyway_history", migration.location())).as("every library script, in its own history")
                    .filteredOn(m -> m.endsWith(" SQL"))
                    .containsExactlyElementsOf(SchemaScript.ALL.stream().map(v -> v.version() + " SQL").toList());
            assertThat(migration.currentVersion()).isEqualTo(SoftDeleteHealthIndicator.latestSchemaVersion());
            SoftDelete softDelete = context.getBean(SoftDelete.class);
            assertThat(softDelete.catalog().exists("fw_schema_version")).as("no built-in initializer").isFalse();
            assertUsableAndHealthy(softDelete, context.getBean("softDeleteHealthIndicator", HealthIndicator.class));
        });
    }

    @Test
    void flywayTakesOverASchemaTheBuiltInInitializerCreated() {
        runner("to_", "host_history_to").run(context -> assertThat(context).hasNotFailed());
        runner("to_", "host_history_to").withPropertyValues("softdelete.schema.flyway.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(applied("to_flyway_history", context.getBean(SoftDeleteFlywayMigration.class).location()))
                    .containsExactly(SoftDeleteHealthIndicator.latestSchemaVersion() + " BASELINE");
            assertUsableAndHealthy(context.getBean(SoftDelete.class), context.getBean("softDeleteHealthIndicator",
                    HealthIndicator.class));
        });
    }

    @Test
    void askingForFlywayWithoutFlywayOnTheClassPathFailsClearly() {
        runner("nf_", "host_history_nf").withPropertyValues("softdelete.schema.flyway.enabled=true",
                        "spring.flyway.enabled=false")
                .withClassLoader(new FilteredClassLoader(Flyway.class))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("softdelete.schema.flyway.enabled=true, but Flyway is not on the class path"));
    }

    @Test
    void theLibrarysScriptsInTheApplicationsOwnLocationsCollideWithItsV1() {
        // The recipe this replaces: one history for both, so two V1 migrations.
        runner("co_", "host_history_co")
                .withPropertyValues("spring.flyway.locations=classpath:db/host,classpath:db/softdelete/"
                        + dialect().kind().scriptFolder(), "spring.flyway.placeholders.softdelete_prefix=co_",
                        "softdelete.schema.initialize=false")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("more than one migration with version 1"));
    }

    /** The migrations a Flyway history table records, as "version type" (read through Flyway, as it names its table). */
    private List<String> applied(String historyTable, String location) {
        return Arrays.stream(Flyway.configure().dataSource(dataSource()).table(historyTable).locations(location)
                        .placeholders(Map.of("softdelete_prefix", "unused_")).load().info().applied())
                .map(m -> m.getVersion() + " " + m.getType()).toList();
    }

    private static void assertUsableAndHealthy(SoftDelete softDelete, HealthIndicator health) {
        var run = softDelete.runRegistry().create(new NewRun(RunKind.PURGE, RunMode.PRETEND, RunStatus.PLANNED,
                "flyway", "host_things", "check", null, null, null));
        assertThat(softDelete.runRegistry().require(run.id()).status()).isEqualTo(RunStatus.PLANNED);
        var result = health.health(true);
        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("schemaVersion", SoftDeleteHealthIndicator.latestSchemaVersion());
    }
}
