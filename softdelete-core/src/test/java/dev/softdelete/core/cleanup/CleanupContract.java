package dev.softdelete.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.alert.Alert;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.micrometer.MicrometerMetrics;
import dev.softdelete.core.purge.Catalogue;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The cleanup queue and workers on every database: claims, leases, takeover, retries, alerts. */
public abstract class CleanupContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant EXPIRED = NOW.minus(Duration.ofDays(40));

    private final SettableClock clock = new SettableClock(NOW);

    private SoftDelete instance(String name, javax.sql.DataSource ds) {
        return SoftDelete.builder(ds).clock(clock).instanceId(name).build();
    }

    /** Resets the clock and creates the catalogue tables under {@code prefix} with {@code rows} expired products. */
    private Catalogue expiredProducts(String prefix, int rows) {
        clock.set(NOW);
        Catalogue c = Catalogue.create(db, prefix);
        c.products(1, rows, EXPIRED);
        return c;
    }

    private CleanupSettings quiet() {
        return CleanupSettings.defaults().withAlertListener(a -> { });
    }

    @Test
    void fourWorkersWithSeparatePoolsPurgeEveryRowExactlyOnce() throws Exception {
        Catalogue c = Catalogue.create(db, "four_");
        c.products(1, 104_000, EXPIRED);
        db.execute("UPDATE " + c.products() + " SET deleted_at = NULL WHERE MOD(id, 52) = 0",
                "UPDATE " + c.products() + " SET deleted_at = " + Catalogue.literal(NOW.minus(Duration.ofDays(5)))
                        + " WHERE MOD(id, 52) = 26");
        SoftDelete sd = instance("enqueuer", dataSource());
        List<CleanupJob> jobs = sd.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()).withBatchSize(2_000), 20);
        assertThat(jobs).hasSize(20);

        int n = 4;
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CleanupWorker worker = instance("node" + i, db.newPool(2)).cleanup().newWorker(quiet());
            done.add(threads.submit(() -> {
                start.await();
                worker.run();
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(3, TimeUnit.MINUTES);
        }
        threads.shutdown();

        assertThat(c.count(c.products())).isEqualTo(4_000);
        assertThat(c.count(c.products(), "deleted_at IS NULL")).isEqualTo(2_000);
        List<CleanupJob> after = sd.cleanup().queue().list(1000).stream()
                .filter(j -> j.table().equals(c.products())).toList();
        assertThat(after).hasSize(20);
        assertThat(after).allSatisfy(j -> {
            assertThat(j.status()).isEqualTo(JobStatus.DONE);
            assertThat(j.attempts()).as("job %d attempts", j.id()).isEqualTo(1);
        });
        assertThat(after.stream().mapToLong(CleanupJob::rowsProcessed).sum()).isEqualTo(100_000);
        Set<Long> runIds = new HashSet<>();
        long affected = 0;
        for (CleanupJob j : after) {
            assertThat(runIds.add(j.runId())).isTrue();
            RunRecord run = sd.runRegistry().require(j.runId());
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            affected += run.affectedCount();
        }
        assertThat(affected).isEqualTo(100_000);
        assertThat(after.stream().map(CleanupJob::leaseOwner).distinct()).containsExactly((String) null);
    }

    @Test
    void aWorkerThatDiesMidJobIsTakenOverAfterItsLeaseExpires() throws Exception {
        Catalogue c = expiredProducts("dead_", 5_000);
        SoftDelete sd = instance("enqueuer", dataSource());
        CleanupJob job = sd.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()).withBatchSize(500));

        CountDownLatch frozen = new CountDownLatch(1);
        CountDownLatch thaw = new CountDownLatch(1);
        CleanupWorker dying = instance("dying", db.newPool(2)).cleanup().newWorker(quiet().withRowsPerSecond(1e9)
                .withLease(Duration.ofSeconds(30)).withSleeper(d -> {
                    frozen.countDown();
                    thaw.await(); // hangs after its first batch, holding the lease
                }));
        Thread t = new Thread(dying::run);
        t.start();
        assertThat(frozen.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(sd.cleanup().queue().require(job.id()).rowsProcessed()).isEqualTo(500);

        CleanupWorker rescuer = instance("rescuer", db.newPool(2)).cleanup().newWorker(quiet());
        assertThat(rescuer.runOne()).as("lease still valid").isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(rescuer.runOne()).isTrue();

        thaw.countDown();
        t.join(60_000);
        CleanupJob finished = sd.cleanup().queue().require(job.id());
        assertThat(finished.status()).isEqualTo(JobStatus.DONE);
        assertThat(finished.attempts()).isEqualTo(2);
        assertThat(finished.rowsProcessed()).isEqualTo(5_000);
        assertThat(sd.runRegistry().require(finished.runId()).affectedCount()).isEqualTo(5_000);
        assertThat(c.count(c.products())).isZero();
    }

    @Test
    void stopFinishesTheBatchAndReleasesTheJob() {
        Catalogue c = expiredProducts("stop_", 3_000);
        SoftDelete sd = instance("stopper", dataSource());
        CleanupJob job = sd.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()).withBatchSize(1_000));
        CleanupWorker[] holder = new CleanupWorker[1];
        holder[0] = sd.cleanup().newWorker(quiet().withRowsPerSecond(1e9).withSleeper(d -> holder[0].stop()));

        assertThat(holder[0].runOne()).isTrue();
        CleanupJob released = sd.cleanup().queue().require(job.id());
        assertThat(released.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(released.attempts()).isZero();
        assertThat(released.leaseOwner()).isNull();
        assertThat(released.rowsProcessed()).isEqualTo(1_000);
        assertThat(c.count(c.products())).isEqualTo(2_000);

        sd.cleanup().newWorker(quiet()).run();
        assertThat(sd.cleanup().queue().require(job.id()).status()).isEqualTo(JobStatus.DONE);
        assertThat(sd.runRegistry().require(released.runId()).affectedCount()).isEqualTo(3_000);
        assertThat(c.count(c.products())).isZero();
    }

    @Test
    void rateLimitPausesInProportionToRowsWithoutSleeping() {
        Catalogue c = expiredProducts("rate_", 3_000);
        SoftDelete sd = instance("rate", dataSource());
        sd.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()).withBatchSize(500));
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        CleanupWorker worker = sd.cleanup().newWorker(quiet().withRowsPerSecond(1_000).withSleeper(d -> {
            pauses.add(d);
            clock.advance(d);
        }));
        worker.run();
        assertThat(pauses).hasSize(6).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofMillis(500)));
        assertThat(c.count(c.products())).isZero();
    }

    @Test
    void failuresRetryWithBackoffAndTheBreakerPausesUntilResumed() {
        Catalogue c = expiredProducts("brk_", 10);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SoftDelete sd = SoftDelete.builder(dataSource()).clock(clock).metrics(MicrometerMetrics.of(registry)).build();
        CleanupJob job = sd.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()));
        db.execute("ALTER TABLE " + c.products() + " RENAME TO brk_gone");
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        CleanupWorker worker = sd.cleanup().newWorker(CleanupSettings.defaults().withAlertListener(alerts::add)
                .withCircuitBreaker(0.05, Duration.ofHours(1), 2));

        assertThat(worker.runOne()).isTrue();
        CleanupJob retry = sd.cleanup().queue().require(job.id());
        assertThat(retry.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(retry.attempts()).isEqualTo(1);
        assertThat(retry.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(retry.lastError()).contains(c.products());
        assertThat(worker.runOne()).as("not due yet").isFalse();

        clock.advance(Duration.ofSeconds(10));
        assertThat(worker.runOne()).isTrue();
        assertThat(sd.cleanup().queue().require(job.id()).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(20));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("cleanup.failure_rate");
            assertThat(a.severity()).isEqualTo(Alert.Severity.CRITICAL);
        });
        assertThat(worker.isPaused()).isTrue();

        db.execute("ALTER TABLE brk_gone RENAME TO " + c.products());
        clock.advance(Duration.ofSeconds(20));
        assertThat(worker.runOne()).as("paused").isFalse();
        worker.resume();
        assertThat(worker.runOne()).isTrue();
        assertThat(sd.cleanup().queue().require(job.id()).status()).isEqualTo(JobStatus.DONE);
        assertThat(c.count(c.products())).isZero();
        assertThat(registry.get(MetricNames.CLEANUP_JOBS).tag("type", "purge").tag("outcome", "retry").counter().count())
                .isEqualTo(2);
        assertThat(registry.get(MetricNames.CLEANUP_JOBS).tag("outcome", "success").counter().count()).isEqualTo(1);
        assertThat(registry.get(MetricNames.CLEANUP_ROWS).counter().count()).isEqualTo(10);
        assertThat(registry.get(MetricNames.CLEANUP_JOB_DURATION).timer().count()).isEqualTo(3);
    }

    @Test
    void aQueueLongerThanTheThresholdForTooLongRaisesOneAlert() {
        Catalogue c = expiredProducts("ql_", 50);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SoftDelete sd = SoftDelete.builder(dataSource()).clock(clock).metrics(MicrometerMetrics.of(registry)).build();
        sd.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()), 5);
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        CleanupWorker worker = sd.cleanup().newWorker(CleanupSettings.defaults().withAlertListener(alerts::add)
                .withQueueAlert(3, Duration.ofMinutes(10)));
        worker.pause();

        worker.run();
        assertThat(registry.get(MetricNames.CLEANUP_QUEUE_LENGTH).gauge().value()).isEqualTo(5);
        clock.advance(Duration.ofMinutes(9));
        worker.run();
        assertThat(alerts).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        worker.run();
        worker.run();
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.type()).isEqualTo("cleanup.queue_length"));

        worker.resume();
        worker.run();
        assertThat(sd.cleanup().queue().length()).isZero();
        assertThat(registry.get(MetricNames.CLEANUP_QUEUE_LENGTH).gauge().value()).isZero();
        assertThat(c.count(c.products())).isZero();
    }

    @Test
    void bothClaimStrategiesHandEachJobToExactlyOneWorker() throws Exception {
        Catalogue c = expiredProducts("claim_", 40);
        SoftDelete sd = instance("claims", dataSource());
        for (ClaimStrategy strategy : List.of(ClaimStrategy.forDialect(sd.dialect()),
                ClaimStrategy.withConflictRetry(new ConditionalUpdateClaim()))) {
            List<CleanupJob> jobs = sd.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()), 40);
            Set<Long> wanted = new HashSet<>(jobs.stream().map(CleanupJob::id).toList());
            List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
            int n = 4;
            CyclicBarrier start = new CyclicBarrier(n);
            ExecutorService threads = Executors.newFixedThreadPool(n);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Jdbc jdbc = new Jdbc(db.newPool(2), sd.dialect());
                String owner = "claimer" + i;
                done.add(threads.submit(() -> {
                    start.await();
                    // An empty claim may mean "lost a contended attempt", not "queue drained": keep
                    // claiming until every job is taken (duplicates would show in the assertions).
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
                    while (claimed.size() < wanted.size() && System.nanoTime() < deadline) {
                        strategy.claim(jdbc, sd.cleanup().queue().table(), owner, NOW, Duration.ofMinutes(5))
                                .map(ClaimStrategy.Claim::id).ifPresent(claimed::add);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(1, TimeUnit.MINUTES);
            }
            threads.shutdown();
            assertThat(claimed).as(strategy.getClass().getSimpleName()).hasSize(wanted.size()).doesNotHaveDuplicates();
            assertThat(new HashSet<>(claimed)).isEqualTo(wanted);
            db.execute("UPDATE " + sd.cleanup().queue().table() + " SET status = 'DONE'");
        }
    }
}
