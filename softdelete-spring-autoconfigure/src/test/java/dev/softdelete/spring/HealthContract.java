package dev.softdelete.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.cleanup.CleanupScheduler;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.registry.NewRun;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.schema.SchemaScript;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health indicator on each database; every test uses its own table prefix. */
public abstract class HealthContract extends DatabaseTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-05-05T05:05:05Z"));

    @BeforeAll
    void tables() {
        db.execute("CREATE TABLE expired_things (id BIGINT PRIMARY KEY, deleted_at " + database().localTimestampType()
                + ")");
    }

    private ApplicationContextRunner runner(String prefix) {
        return new ApplicationContextRunner()
                .withConfiguration(BootAutoConfigurations.jdbc())
                .withPropertyValues(BootAutoConfigurations.dataSource(db))
                .withPropertyValues("softdelete.table-prefix=" + prefix)
                .withBean(Clock.class, () -> clock);
    }

    private static Health health(AssertableApplicationContext context) {
        return context.getBean("softDeleteHealthIndicator", HealthIndicator.class).health();
    }

    @Test
    void upWithTheCurrentSchemaAndAnEmptyQueue() {
        runner("hu_").run(context -> {
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("schemaVersion", SoftDeleteHealthIndicator.latestSchemaVersion())
                    .containsEntry("cleanupQueued", 0L);
        });
    }

    @Test
    void outOfServiceWhenTheQueueBacklogPassesTheThreshold() {
        runner("hq_").withPropertyValues("softdelete.health.queue-threshold=1").run(context -> {
            SoftDelete sd = context.getBean(SoftDelete.class);
            sd.cleanup().queue().enqueue(RetentionPolicy.purge("expired_things"));
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);
            sd.cleanup().queue().enqueue(RetentionPolicy.purge("expired_things"));
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(health.getDetails()).containsEntry("cleanupQueued", 2L).containsKey("cleanupQueue");
        });
    }

    @Test
    void outOfServiceWhenARunIsRunningWithAnExpiredLease() {
        runner("hr_").run(context -> {
            SoftDelete sd = context.getBean(SoftDelete.class);
            RunRecord run = sd.runRegistry().create(new NewRun(RunKind.SOFT_DELETE, RunMode.APPLY, RunStatus.RUNNING,
                    "soft delete things", "expired_things", "all", null, null, null));
            db.execute("UPDATE hr_" + LibraryTable.RUNS.suffix() + " SET lease_owner = 'dead-node', lease_until = '"
                    + "2026-05-05 06:00:00' WHERE id = " + run.id());
            assertThat(health(context).getStatus()).as("lease still valid").isEqualTo(Status.UP);
            clock.set(Instant.parse("2026-05-06T00:00:00Z"));
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat((List<?>) health.getDetails().get("stuckRuns")).hasSize(1);
        });
        clock.set(Instant.parse("2026-05-05T05:05:05Z"));
    }

    @Test
    void downWhenTheSchemaIsBehind() {
        runner("hs_").run(context -> {
            int latest = SoftDeleteHealthIndicator.latestSchemaVersion();
            db.execute("DELETE FROM hs_" + LibraryTable.SCHEMA_VERSION.suffix() + " WHERE version = " + latest);
            Health health = health(context);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            int previous = SchemaScript.ALL.get(SchemaScript.ALL.size() - 2).version(); // versions may have gaps
            assertThat(health.getDetails()).containsEntry("schemaVersion", previous)
                    .containsEntry("schema", "behind: apply the scripts under db/softdelete/"
                            + dialect().kind().scriptFolder() + " (versions [" + latest + "])");
        });
    }

    @Test
    void outOfServiceWhileTheCleanupWorkersArePaused() {
        runner("hp_").withPropertyValues("softdelete.cleanup.enabled=true", "softdelete.cleanup.poll-interval=50ms")
                .run(context -> {
                    assertThat(health(context).getStatus()).isEqualTo(Status.UP);
                    context.getBean(CleanupScheduler.class).pause();
                    Health health = health(context);
                    assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                    assertThat(health.getDetails()).containsEntry("cleanupWorkersPaused", true);
                });
    }

    @Test
    void canBeSwitchedOff() {
        runner("ho_").withPropertyValues("management.health.softdelete.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("softDeleteHealthIndicator"));
    }
}
