package dev.softdelete.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.ActorProvider;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.runs.RunOptions;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration against a real database of each kind. */
public abstract class AutoConfigurationContract extends DatabaseTest {

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(BootAutoConfigurations.jdbc())
                .withPropertyValues(BootAutoConfigurations.dataSource(db));
    }

    @Test
    void createsSoftDeleteAndTheLibrarySchemaOnTheApplicationsDataSource() {
        runner().withPropertyValues("softdelete.table-prefix=boot_", "softdelete.instance-id=node-7")
                .run(context -> {
                    SoftDelete sd = context.getBean(SoftDelete.class);
                    assertThat(sd.dialect().kind().name()).isEqualTo(database().name());
                    assertThat(sd.instanceId()).isEqualTo("node-7");
                    assertThat(sd.catalog().exists("boot_" + LibraryTable.RUNS.suffix())).isTrue();
                    assertThat(sd.metrics()).isSameAs(SoftDeleteMetrics.noop());
                });
    }

    @Test
    void backgroundRunWorkersRunOnlyWhereConfigured() {
        runner().run(context -> assertThat(context).doesNotHaveBean("softDeleteRunWorkers"));
        runner().withPropertyValues("softdelete.runs.workers=2", "softdelete.runs.poll-interval=1s").run(context -> {
            assertThat(context).hasBean("softDeleteRunWorkers");
            assertThat(context.getBean("softDeleteRunWorkers", org.springframework.context.SmartLifecycle.class)
                    .isRunning()).isTrue();
        });
    }

    @Test
    void backgroundRunWorkersCompleteRunsWithTheConfiguredOptions() throws Exception {
        String ts = database().localTimestampType();
        db.execute("CREATE TABLE boot_worker_item (id BIGINT PRIMARY KEY, updated_at " + ts + " NOT NULL, deleted_at "
                + ts + ", deleted_by VARCHAR(100))");
        for (int id = 1; id <= 40; id++) {
            db.execute("INSERT INTO boot_worker_item (id, updated_at) VALUES (" + id + ", "
                    + (id <= 30 ? "TIMESTAMP '2019-01-01 00:00:00'" : "CURRENT_TIMESTAMP") + ")");
        }
        runner().withPropertyValues("softdelete.table-prefix=bwk_", "softdelete.runs.workers=1",
                "softdelete.runs.poll-interval=100ms", "softdelete.runs.marker-scan=true").run(context -> {
                    SoftDelete sd = context.getBean(SoftDelete.class);
                    RuleSet rules = RuleSet.on("boot_worker_item")
                            .rule(Rule.olderThan("updated_at", Duration.ofDays(365))).build();
                    long runId = sd.runs().submit(sd.runs().preview(rules), RunOptions.defaults());
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    RunRecord run = sd.runRegistry().require(runId);
                    while (run.status() != RunStatus.COMPLETED && System.nanoTime() < deadline) {
                        Thread.sleep(50); // the worker thread applies it; nothing here depends on timing
                        run = sd.runRegistry().require(runId);
                    }
                    assertThat(run.status()).as(run.toString()).isEqualTo(RunStatus.COMPLETED);
                    assertThat(run.affectedCount()).isEqualTo(30);
                    assertThat(run.verification()).as("the worker used softdelete.runs.marker-scan")
                            .contains("\"rowsCarryingRunMarker\":30", "\"consistent\":true");
                });
    }

    @Test
    void schemaInitializationCanBeLeftToFlywayOrLiquibase() {
        runner().withPropertyValues("softdelete.table-prefix=manual_", "softdelete.schema.initialize=false")
                .run(context -> {
                    SoftDelete sd = context.getBean(SoftDelete.class);
                    assertThat(sd.catalog().exists("manual_" + LibraryTable.RUNS.suffix())).isFalse();
                });
    }

    @Test
    void reportsThroughTheApplicationsMeterRegistryNeverTheGlobalOne() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        runner().withBean(MeterRegistry.class, () -> registry).run(context -> {
            SoftDelete sd = context.getBean(SoftDelete.class);
            sd.metrics().count("softdelete.operations", 3, MetricTags.of("entity", "product"));
            assertThat(registry.counter("softdelete.operations", "entity", "product").count()).isEqualTo(3.0);
            assertThat(Metrics.globalRegistry.find("softdelete.operations").meters()).isEmpty();
        });
        assertThat(registry.find("softdelete.operations").meters())
                .as("meters are removed when the context closes").isEmpty();
    }

    @Test
    void usesTheHostsActorProviderAndClock() {
        SettableClock clock = new SettableClock(Instant.parse("2026-05-05T05:05:05Z"));
        runner().withBean(ActorProvider.class, () -> () -> "carol").withBean(Clock.class, () -> clock)
                .run(context -> {
                    SoftDelete sd = context.getBean(SoftDelete.class);
                    sd.auditLog().record("TEST", "TABLE", "boot_check", null, "SUCCESS", null);
                    var entry = sd.auditLog().forTarget("TABLE", "boot_check", 1).get(0);
                    assertThat(entry.actor()).isEqualTo("carol");
                    assertThat(entry.occurredAt()).isEqualTo(clock.instant());
                });
    }

    @Test
    void theImportsFileListsOnlyTopLevelAutoConfigurations() {
        // A nested configuration is evaluated with its outer class, whatever its own ordering says.
        assertThat(BootAutoConfigurations.ours()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.getEnclosingClass()).as(c.getName()).isNull());
    }

    @Test
    void canBeSwitchedOff() {
        runner().withPropertyValues("softdelete.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SoftDelete.class));
    }
}
