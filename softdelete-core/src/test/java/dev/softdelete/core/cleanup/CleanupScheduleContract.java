package dev.softdelete.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.core.purge.Catalogue;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scheduled enqueueing on every database: of all instances reaching one tick, exactly one enqueues. */
public abstract class CleanupScheduleContract extends DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");
    private static final java.util.concurrent.atomic.AtomicInteger BAD = new java.util.concurrent.atomic.AtomicInteger();
    private final SettableClock clock = new SettableClock(NOW);

    private SoftDelete instance(String name, javax.sql.DataSource ds) {
        return SoftDelete.builder(ds).clock(clock).instanceId(name).build();
    }

    private long jobsFor(SoftDelete sd, String table) {
        return sd.cleanup().queue().list(1000).stream().filter(j -> j.table().equals(table)).count();
    }

    @Test
    void sixInstancesReachingTheSameTickEnqueueExactlyOnce() throws Exception {
        Catalogue c = Catalogue.create(db, "sched_");
        c.products(1, 100, NOW.minus(Duration.ofDays(40)));
        RetentionPolicy policy = RetentionPolicy.purge(c.products()).withRetention(Duration.ofDays(30));
        int n = 6;
        List<SoftDelete> instances = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            instances.add(instance("node" + i, db.newPool(2)));
        }
        for (Instant tick : List.of(NOW, NOW.plus(Duration.ofDays(1)))) {
            CyclicBarrier start = new CyclicBarrier(n);
            ExecutorService threads = Executors.newFixedThreadPool(n);
            List<Future<List<CleanupJob>>> results = new ArrayList<>();
            for (SoftDelete sd : instances) {
                results.add(threads.submit(() -> {
                    start.await();
                    return sd.cleanup().queue().enqueueOnce("retention:" + c.products(), tick, policy, 1);
                }));
            }
            int enqueued = 0;
            for (Future<List<CleanupJob>> f : results) {
                enqueued += f.get(1, TimeUnit.MINUTES).size();
            }
            threads.shutdown();
            assertThat(enqueued).as("jobs enqueued for tick %s by all instances together", tick).isEqualTo(1);
        }
        SoftDelete any = instances.get(0);
        assertThat(jobsFor(any, c.products())).isEqualTo(2);
        assertThat(any.cleanup().queue().lastTick("retention:" + c.products())).contains(NOW.plus(Duration.ofDays(1)));
        assertThat(any.auditLog().forTarget("TABLE", c.products(), 10))
                .filteredOn(e -> e.action().equals("SCHEDULE_ENQUEUE")).hasSize(2);
    }

    @Test
    void aTickAtOrBeforeTheLastClaimedEnqueuesNothing() {
        Catalogue c = Catalogue.create(db, "sched_old_");
        c.products(1, 10, NOW.minus(Duration.ofDays(40)));
        SoftDelete sd = instance("node", dataSource());
        RetentionPolicy policy = RetentionPolicy.purge(c.products());
        String schedule = "nightly-" + c.products();
        assertThat(sd.cleanup().queue().lastTick(schedule)).isEmpty();
        assertThat(sd.cleanup().queue().enqueueOnce(schedule, NOW, policy, 1)).hasSize(1);
        assertThat(sd.cleanup().queue().enqueueOnce(schedule, NOW, policy, 1)).isEmpty();
        assertThat(sd.cleanup().queue().enqueueOnce(schedule, NOW.minusSeconds(60), policy, 1)).isEmpty();
        assertThat(sd.cleanup().queue().enqueueOnce(schedule, NOW.plusSeconds(60), policy, 1)).hasSize(1);
        assertThat(jobsFor(sd, c.products())).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "x'; DROP TABLE t; --", "name\u0000", "ünïcode", "a/b"})
    void hostileScheduleNamesAreRefusedAndNothingIsQueued(String name) {
        Catalogue c = Catalogue.create(db, "sched_bad" + BAD.incrementAndGet() + "_");
        c.products(1, 10, NOW.minus(Duration.ofDays(40)));
        SoftDelete sd = instance("node", dataSource());
        assertThatThrownBy(() -> sd.cleanup().queue().enqueueOnce(name, NOW, RetentionPolicy.purge(c.products()), 1))
                .isInstanceOf(SoftDeleteException.class).hasMessageContaining("schedule name");
        assertThat(jobsFor(sd, c.products())).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + sd.schema().table(LibraryTable.SCHEDULE_TICKS)
                + " WHERE schedule_name LIKE 'x%' OR schedule_name = ''")).isZero();
    }

    @Test
    void aPolicyForAMissingTableClaimsNoTick() {
        SoftDelete sd = instance("node", dataSource());
        assertThatThrownBy(() -> sd.cleanup().queue().enqueueOnce("missing", NOW, RetentionPolicy.purge("no_such_table"), 1))
                .isInstanceOf(SoftDeleteException.class);
        assertThat(sd.cleanup().queue().lastTick("missing")).isEmpty();
    }
}
