package dev.softdelete.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.check.TableReport;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.table.SoftDeletableTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.softdelete.core.cleanup.JobStatus;
import dev.softdelete.core.deprecation.DeprecatedElementStatus;
import dev.softdelete.core.deprecation.DeprecationTarget;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.registry.NewRun;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.testing.DatabaseTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The read-only softdelete Actuator endpoint on each database. */
public abstract class EndpointContract extends DatabaseTest {

    @BeforeAll
    void tables() {
        db.execute("CREATE TABLE old_things (id BIGINT PRIMARY KEY, deleted_at " + database().localTimestampType() + ")");
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(BootAutoConfigurations.jdbc())
                .withPropertyValues(BootAutoConfigurations.dataSource(db));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsRunsAndCleanupCountsAndShowsOneRun() {
        runner().withPropertyValues("management.endpoints.web.exposure.include=softdelete").run(context -> {
            SoftDelete sd = context.getBean(SoftDelete.class);
            RunRecord run = sd.runRegistry().create(new NewRun(RunKind.SOFT_DELETE, RunMode.PREVIEW,
                    RunStatus.PREVIEWED, "preview old things", "old_things", "all", null, null, 3L));
            sd.cleanup().queue().enqueue(RetentionPolicy.purge("old_things"));
            SoftDeleteEndpoint endpoint = context.getBean(SoftDeleteEndpoint.class);
            Map<String, Object> summary = endpoint.summary();
            List<Map<String, Object>> runs = (List<Map<String, Object>>) summary.get("runs");
            assertThat(runs).singleElement().satisfies(r -> assertThat(r).containsEntry("id", run.id())
                    .containsEntry("status", RunStatus.PREVIEWED).containsEntry("table", "old_things"));
            Map<String, Object> cleanup = (Map<String, Object>) summary.get("cleanup");
            assertThat((Map<JobStatus, Long>) cleanup.get("jobs")).containsEntry(JobStatus.QUEUED, 1L)
                    .containsEntry(JobStatus.DONE, 0L);
            Map<String, Object> deprecations = (Map<String, Object>) summary.get("deprecations");
            assertThat(deprecations).containsKeys("counts", "accessesAfterDeprecation", "elements");
            assertThat(summary).containsKeys("fieldMigrations", "audit", "tables");
            sd.deprecations().watch("unused", DeprecationTarget.table("old_things"));
            assertThat((List<DeprecatedElementStatus>) ((Map<String, Object>) endpoint.summary().get("deprecations"))
                    .get("elements")).singleElement().extracting(DeprecatedElementStatus::removal)
                    .isEqualTo(DeprecatedElementStatus.Removal.NOT_DEPRECATED);
            assertThat(endpoint.run(run.id())).extracting(RunRecord::previewCount).isEqualTo(3L);

            sd.tables().register(SoftDeletableTable.of("old_things").withDeletedByColumn(null));
            List<TableReport> tables = (List<TableReport>) endpoint.summary().get("tables");
            assertThat(tables).singleElement().satisfies(t -> {
                assertThat(t.table()).isEqualTo("old_things");
                assertThat(t.problems()).isEmpty();
                assertThat(t.warnings()).singleElement().satisfies(w -> assertThat(w).startsWith("No index of old_things"));
                assertThat(t.activeRows()).isZero();
            });
            assertThat(endpoint.run(run.id() + 1000)).isNull();
        });
    }

    @Test
    void withACheckIntervalTheTablesAreCheckedOnAScheduleAndTheGaugesFilled() {
        runner().withPropertyValues("softdelete.tables.check-interval=1h")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
                    assertThat(context).hasSingleBean(SoftDeleteTableCheckSchedule.class);
                    SoftDelete sd = context.getBean(SoftDelete.class);
                    sd.tables().register(SoftDeletableTable.of("old_things").withDeletedByColumn(null));
                    context.getBean(SoftDeleteTableCheckSchedule.class).checkNow();
                    assertThat(sd.tableCheck().latest()).containsKey("old_things");
                    assertThat(context.getBean(MeterRegistry.class).get(MetricNames.TABLE_ROWS)
                            .tags("table", "old_things", "state", "deleted").gauge().value()).isZero();
                });
        runner().run(context -> assertThat(context).doesNotHaveBean(SoftDeleteTableCheckSchedule.class));
    }

    @Test
    void notAvailableUnlessExposed() {
        runner().run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SoftDeleteEndpoint.class));
        runner().withPropertyValues("management.endpoints.web.exposure.include=softdelete", "softdelete.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SoftDeleteEndpoint.class));
    }
}
