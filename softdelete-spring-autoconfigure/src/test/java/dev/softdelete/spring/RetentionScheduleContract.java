package dev.softdelete.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.cleanup.CleanupJob;
import dev.softdelete.core.purge.PurgeAction;
import dev.softdelete.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Retention policies from properties, enqueued on their schedule once per tick across instances. */
public abstract class RetentionScheduleContract extends DatabaseTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @BeforeEach
    void tables() {
        db.execute("DROP TABLE IF EXISTS ret_products", "DROP TABLE IF EXISTS ret_events",
                "DROP TABLE IF EXISTS ret_products_archive");
        db.execute("CREATE TABLE ret_products (id BIGINT PRIMARY KEY, deleted_at TIMESTAMP(6))",
                "CREATE TABLE ret_events (id BIGINT PRIMARY KEY, deleted_at TIMESTAMP(6))");
    }

    private ApplicationContextRunner instance(String id, String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(BootAutoConfigurations.jdbc())
                .withPropertyValues(BootAutoConfigurations.dataSource(db))
                .withPropertyValues("softdelete.instance-id=" + id)
                .withPropertyValues(properties);
    }

    private static long jobs(SoftDelete sd, String table) {
        return sd.cleanup().queue().list(1000).stream().filter(j -> j.table().equals(table)).count();
    }

    @Test
    void twoInstancesReachingTheSameTickEnqueueOnceAndOtherInstantsNothing() {
        String[] policy = {"softdelete.retention.policies[0].table=ret_products",
                "softdelete.retention.policies[0].action=archive", "softdelete.retention.policies[0].retention=40d",
                "softdelete.retention.policies[0].schedule=0 30 3 * * *", "softdelete.retention.policies[0].zone=Europe/Paris"};
        instance("node-a", policy).run(a -> instance("node-b", policy).run(b -> {
            SoftDeleteRetentionSchedule scheduleA = a.getBean(SoftDeleteRetentionSchedule.class);
            SoftDeleteRetentionSchedule scheduleB = b.getBean(SoftDeleteRetentionSchedule.class);
            assertThat(scheduleA.entries()).singleElement().satisfies(e -> {
                assertThat(e.name()).isEqualTo("retention:ret_products:archive");
                assertThat(e.policy().action()).isEqualTo(PurgeAction.ARCHIVE);
                assertThat(e.policy().retention()).isEqualTo(Duration.ofDays(40));
                assertThat(e.policy().archiveTable()).isEqualTo("ret_products_archive");
            });
            Instant tick = LocalDateTime.parse("2026-06-01T03:30:00").atZone(PARIS).toInstant();
            List<CleanupJob> fromA = scheduleA.enqueueAt(tick);
            List<CleanupJob> fromB = scheduleB.enqueueAt(tick);
            assertThat(fromA.size() + fromB.size()).as("one job for the tick, whoever got there first").isEqualTo(1);
            assertThat(scheduleB.enqueueAt(tick.plusSeconds(60))).as("not a tick of 30 3 * * *").isEmpty();
            assertThat(scheduleA.enqueueAt(tick.plus(Duration.ofDays(1))))
                    .as("the next day's tick").hasSize(1);
            SoftDelete sd = a.getBean(SoftDelete.class);
            assertThat(jobs(sd, "ret_products")).isEqualTo(2);
            assertThat(sd.cleanup().queue().lastTick("retention:ret_products:archive"))
                    .contains(tick.plus(Duration.ofDays(1)));
        }));
    }

    @Test
    void theTimerEnqueuesAtEachTickWithoutAnyCall() {
        instance("node-timer", "softdelete.retention.policies[0].table=ret_events",
                "softdelete.retention.policies[0].schedule=* * * * * *").run(context -> {
                    SoftDelete sd = context.getBean(SoftDelete.class);
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (jobs(sd, "ret_events") < 2 && System.nanoTime() < deadline) {
                        Thread.sleep(50); // polling for an outcome, not waiting for time to pass
                    }
                    assertThat(jobs(sd, "ret_events")).isGreaterThanOrEqualTo(2);
                    assertThat(context.getBean(SoftDeleteRetentionSchedule.class).isRunning()).isTrue();
                });
    }

    @Test
    void badSettingsFailTheStartUp() {
        instance("node-bad", "softdelete.retention.policies[0].table=ret_products",
                "softdelete.retention.policies[0].schedule=every day").run(context -> assertThat(context)
                        .getFailure().rootCause().hasMessageContaining("not a valid cron expression"));
        instance("node-bad", "softdelete.retention.policies[0].table=ret_products; DROP TABLE ret_events")
                .run(context -> assertThat(context).hasFailed());
        assertThat(db.queryLong("SELECT COUNT(*) FROM ret_events")).isZero(); // still there
        instance("node-bad", "softdelete.retention.policies[0].table=ret_products",
                "softdelete.retention.policies[0].retention=-1d").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void noPoliciesOrDisabledMeansNoTimer() {
        instance("node-none").run(context ->
                assertThat(context.getBean(SoftDeleteRetentionSchedule.class).isRunning()).isFalse());
        instance("node-off", "softdelete.retention.enabled=false", "softdelete.retention.policies[0].table=ret_products")
                .run(context -> assertThat(context).doesNotHaveBean(SoftDeleteRetentionSchedule.class));
    }
}
