package dev.softdelete.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
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
            sd.deprecations().watch("unused", DeprecationTarget.table("old_things"));
            assertThat((List<DeprecatedElementStatus>) ((Map<String, Object>) endpoint.summary().get("deprecations"))
                    .get("elements")).singleElement().extracting(DeprecatedElementStatus::removal)
                    .isEqualTo(DeprecatedElementStatus.Removal.NOT_DEPRECATED);
            assertThat(endpoint.run(run.id())).extracting(RunRecord::previewCount).isEqualTo(3L);
            assertThat(endpoint.run(run.id() + 1000)).isNull();
        });
    }

    @Test
    void notAvailableUnlessExposed() {
        runner().run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SoftDeleteEndpoint.class));
        runner().withPropertyValues("management.endpoints.web.exposure.include=softdelete", "softdelete.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SoftDeleteEndpoint.class));
    }
}
