package dev.softdelete.core.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.registry.RunStateException;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.core.time.Sleeper;
import dev.softdelete.testing.DatabaseTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Background runs: key ranges claimed by workers on several instances (separate pools), a killed
 * worker's range taken over, pause and cancel from another instance, progress from the database.
 * On every database.
 */
public abstract class BackgroundRunsContract extends DatabaseTest {

    static final Instant NOW = RunsContract.NOW;

    private void createTable(DataSource ds, String name, int rows, Instant now) {
        RunsContract.execute(ds, "CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, updated_at "
                + database().localTimestampType() + " NOT NULL, status VARCHAR(20), price INT, parent_id BIGINT,"
                + " owner_ref BIGINT, deleted_at " + database().localTimestampType() + ", deleted_by VARCHAR(100))");
        RunsContract.fill(ds, name, rows, now, i -> i % 4 != 0, i -> i % 25 == 0);
    }

    private long matching(DataSource ds, String table) {
        return RunsContract.queryLong(ds, "SELECT COUNT(*) FROM " + table + " WHERE deleted_at IS NULL AND MOD(id, 4) <> 0");
    }

    private SoftDelete instance(String name, SettableClock clock) {
        return SoftDelete.builder(db.newPool(3)).clock(clock).instanceId(name).build();
    }

    private static String ranges(SoftDelete sd) {
        return sd.schema().table(LibraryTable.RUN_RANGES);
    }

    @Test
    void threeWorkersInSeparatePoolsShareOneRunAndEachRangeIsDoneOnce() throws Exception {
        createTable(dataSource(), "bg_item", 3000, NOW);
        Map<Long, String> original = RunsContract.state(dataSource(), "bg_item");
        long matching = matching(dataSource(), "bg_item");
        SettableClock clock = new SettableClock(NOW);
        SoftDelete submitter = instance("submitter", clock);
        long runId = submitter.runs().submit(submitter.runs().preview(RunsContract.olderThanRules("bg_item")),
                RunOptions.defaults().withBatchSize(50));
        assertThat(submitter.runRegistry().require(runId).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(RecordedBatches.rows(dataSource(), submitter, runId, null)).as("submit returns at once").isZero();
        assertThat(submitter.runs().progress(runId).ranges()).as("3,000 keys in ranges of 10 batches of 50").isEqualTo(6);

        // every worker holds a range of its own before any goes on: the run is really shared
        CyclicBarrier allHolding = new CyclicBarrier(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> done = new ArrayList<>();
        List<String> workerIds = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            SoftDelete instance = instance("instance-" + i, clock);
            AtomicInteger throttles = new AtomicInteger();
            Sleeper firstBatchTogether = d -> {
                if (throttles.incrementAndGet() == 1) {
                    try {
                        allHolding.await(30, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.BrokenBarrierException | java.util.concurrent.TimeoutException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            RunWorker worker = instance.runs().worker(RunOptions.defaults().withBatchSize(50).withRowsPerSecond(1_000)
                    .withLeaseDuration(Duration.ofSeconds(10)).withSleeper(firstBatchTogether));
            workerIds.add(worker.id());
            done.add(pool.submit(worker));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(submitter.runRegistry().require(runId).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(submitter.runRegistry().require(runId).affectedCount()).isEqualTo(matching);
        assertThat(submitter.runRegistry().require(runId).verification()).contains("\"consistent\":true");
        List<String> keys = RecordedBatches.keys(dataSource(), submitter, runId, "bg_item");
        assertThat(keys).as("no row recorded twice").doesNotHaveDuplicates().hasSize((int) matching);
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + ranges(submitter) + " WHERE run_id = " + runId
                + " AND (status <> 'DONE' OR attempts <> 1)")).as("each range done once").isZero();
        Set<String> owners = new HashSet<>(RunsContract.queryStrings(dataSource(), "SELECT DISTINCT lease_owner FROM "
                + ranges(submitter) + " WHERE run_id = " + runId));
        assertThat(owners).as("ranges done by all three instances").hasSize(3).isSubsetOf(workerIds);
        RunProgress progress = submitter.runs().progress(runId);
        assertThat(progress.doneRanges()).isEqualTo(6);
        assertThat(progress.rowsChanged()).isEqualTo(matching);
        assertThat(progress.fraction()).isEqualTo(1.0);

        RunReport undo = submitter.runs().undo(runId);
        assertThat(undo.affected()).isEqualTo(matching);
        assertThat(RunsContract.state(dataSource(), "bg_item")).isEqualTo(original);
    }

    @Test
    void pauseFromOneInstanceStopsTheWorkersOfAnotherWithinOneBatchAndResumeFinishes() throws Exception {
        createTable(dataSource(), "bp_item", 600, NOW);
        long matching = matching(dataSource(), "bp_item");
        SettableClock clock = new SettableClock(NOW);
        SoftDelete operator = instance("operator", clock);
        SoftDelete workerHost = instance("worker-host", clock);
        long runId = operator.runs().submit(operator.runs().preview(RunsContract.olderThanRules("bp_item")),
                RunOptions.defaults().withBatchSize(10));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        RunWorker worker = workerHost.runs().worker(RunOptions.defaults().withBatchSize(10).withRowsPerSecond(1_000)
                .withLeaseDuration(Duration.ofSeconds(10)).withSleeper(d -> {
                    if (batches.incrementAndGet() == 3) {
                        holding.countDown();
                        letGo.await();
                    }
                }));
        Thread thread = new Thread(worker);
        thread.start();
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        clock.advance(Duration.ofSeconds(3));
        RunProgress running = operator.runs().progress(runId);
        assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(running.runningRanges()).isEqualTo(1);
        assertThat(running.batches()).isEqualTo(3);
        assertThat(running.rowsChanged()).isEqualTo(RecordedBatches.rows(dataSource(), operator, runId, null)).isPositive();
        assertThat(running.rowsPerSecond()).isPositive();
        assertThat(running.eta()).isNotNull().isPositive();
        assertThat(running.toJson()).contains("\"runningRanges\":1");

        long before = RecordedBatches.rows(dataSource(), operator, runId, null);
        RunReport paused = operator.runs().pause(runId);
        assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
        letGo.countDown();
        thread.join(30_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(batches.get()).as("the worker stopped before its next batch").isEqualTo(3);
        assertThat(RecordedBatches.rows(dataSource(), operator, runId, null)).isEqualTo(before);
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + ranges(operator) + " WHERE run_id = " + runId
                + " AND status = 'RUNNING'")).isZero();
        assertThat(worker.runOne()).as("nothing to claim while paused").isFalse();

        assertThat(operator.runs().resume(runId).status()).isEqualTo(RunStatus.RUNNING);
        workerHost.runs().worker(RunOptions.defaults().withBatchSize(10)).run();
        assertThat(operator.runRegistry().require(runId).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(operator.runRegistry().require(runId).affectedCount()).isEqualTo(matching);
        assertThat(RecordedBatches.keys(dataSource(), operator, runId, "bp_item")).doesNotHaveDuplicates()
                .hasSize((int) matching);
    }

    @Test
    void cancelLeavesAConsistentRunThatUndoRestoresExactly() throws Exception {
        createTable(dataSource(), "bc_item", 600, NOW);
        Map<Long, String> original = RunsContract.state(dataSource(), "bc_item");
        SettableClock clock = new SettableClock(NOW);
        SoftDelete operator = instance("operator", clock);
        SoftDelete workerHost = instance("worker-host", clock);
        long runId = operator.runs().submit(operator.runs().preview(RunsContract.olderThanRules("bc_item")),
                RunOptions.defaults().withBatchSize(10));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        Thread thread = new Thread(workerHost.runs().worker(RunOptions.defaults().withBatchSize(10).withRowsPerSecond(1_000)
                .withLeaseDuration(Duration.ofSeconds(10)).withSleeper(d -> {
                    if (batches.incrementAndGet() == 4) {
                        holding.countDown();
                        letGo.await();
                    }
                })));
        thread.start();
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        RunReport cancelled = operator.runs().cancel(runId);
        letGo.countDown();
        thread.join(30_000);
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        long recorded = RecordedBatches.rows(dataSource(), operator, runId, null);
        assertThat(recorded).isPositive().isEqualTo(cancelled.affected());
        assertThat(db.queryLong("SELECT COUNT(*) FROM bc_item WHERE deleted_at = TIMESTAMP '2026-11-22 09:00:00'"))
                .as("rows carrying the run's marker are exactly the recorded ones").isEqualTo(recorded);
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + ranges(operator) + " WHERE run_id = " + runId
                + " AND status IN ('PENDING', 'RUNNING')")).isZero();
        assertThat(workerHost.runs().worker(RunOptions.defaults()).runOne()).as("nothing left to claim").isFalse();
        assertThatThrownBy(() -> operator.runs().resume(runId)).isInstanceOf(RunStateException.class);

        RunReport undo = operator.runs().undo(runId);
        assertThat(undo.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(undo.affected()).isEqualTo(recorded);
        assertThat(RunsContract.state(dataSource(), "bc_item")).isEqualTo(original);
        assertThat(operator.runRegistry().require(runId).status()).isEqualTo(RunStatus.UNDONE);
    }

    @Test
    void aKilledWorkersRangeIsTakenOverByAnotherInstanceOnceItsShortLeaseExpired() throws Exception {
        RunsContract.CrashDb crash = crashDatabase();
        try (HikariDataSource ds = crash.pool()) {
            Instant realNow = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            createTable(ds, "bk_item", 1000, realNow);
            Map<Long, String> original = RunsContract.state(ds, "bk_item");
            long matching = matching(ds, "bk_item");
            SoftDelete parent = SoftDelete.builder(ds).instanceId("parent").build();
            long runId = parent.runs().submit(parent.runs().preview(RunsContract.olderThanRules("bk_item")),
                    RunOptions.defaults().withBatchSize(20));

            Path log = Files.createTempFile("background-crash-child", ".log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), BackgroundRunCrashChild.class.getName(),
                    crash.url(), crash.user(), crash.password())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && parent.runs().progress(runId).rowsChanged() < 100) {
                Thread.sleep(50); // waiting for another process to make progress, not for time to pass
            }
            child.destroyForcibly(); // SIGKILL on Unix
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            RunProgress killed = parent.runs().progress(runId);
            assertThat(killed.rowsChanged()).as("child log: %s", Files.readString(log)).isBetween(100L, matching - 1);
            assertThat(killed.runningRanges()).as("the dead worker still holds its range").isEqualTo(1);

            // another instance, once the 10-second lease expired (its clock says so), takes it over
            SettableClock later = new SettableClock(Instant.now().plus(Duration.ofSeconds(11)));
            SoftDelete other = SoftDelete.builder(ds).clock(later).instanceId("other").build();
            other.runs().worker(RunOptions.defaults().withBatchSize(20).withLeaseDuration(Duration.ofSeconds(10))).run();
            assertThat(other.runRegistry().require(runId).status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(other.runRegistry().require(runId).affectedCount()).as("no row counted twice").isEqualTo(matching);
            assertThat(RecordedBatches.keys(ds, other, runId, "bk_item")).doesNotHaveDuplicates().hasSize((int) matching);
            assertThat(RunsContract.queryLong(ds, "SELECT COUNT(*) FROM " + ranges(other) + " WHERE run_id = " + runId
                    + " AND attempts = 2")).as("the killed range, claimed twice").isEqualTo(1);

            other.runs().undo(runId);
            assertThat(RunsContract.state(ds, "bk_item")).isEqualTo(original);
            Files.deleteIfExists(log);
        } finally {
            crash.drop();
        }
    }

    @Test
    void aRunWhoseLastRangeIsDoneButWhichWasNotCompletedIsCompletedByTheNextWorker() {
        createTable(dataSource(), "bs_item", 200, NOW);
        long matching = matching(dataSource(), "bs_item");
        SoftDelete sd = instance("settler", new SettableClock(NOW));
        long runId = sd.runs().submit(sd.runs().preview(RunsContract.olderThanRules("bs_item")),
                RunOptions.defaults().withBatchSize(10));
        RunWorker worker = sd.runs().worker(RunOptions.defaults().withBatchSize(10));
        while (worker.runOne()) {
            // every range, one by one
        }
        assertThat(sd.runRegistry().require(runId).status()).isEqualTo(RunStatus.COMPLETED);
        // as if the worker that finished the last range had died before completing the run
        db.execute("UPDATE " + sd.schema().table(LibraryTable.RUNS) + " SET status = 'RUNNING', verification = NULL"
                + " WHERE id = " + runId);
        assertThat(worker.runOne()).as("nothing to claim").isFalse();
        assertThat(sd.runRegistry().require(runId).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(sd.runRegistry().require(runId).affectedCount()).isEqualTo(matching);
        assertThat(sd.runRegistry().require(runId).verification()).contains("\"consistent\":true");
    }

    private RunsContract.CrashDb crashDatabase() throws Exception {
        if (database().reachableFromOtherProcesses()) {
            return new RunsContract.CrashDb(db.jdbcUrl(), db.user(), db.password(), null);
        }
        File dir = Files.createTempDirectory("background-h2").toFile();
        return new RunsContract.CrashDb("jdbc:h2:file:" + dir.getAbsolutePath() + "/crash;AUTO_SERVER=TRUE", "sa", "", dir);
    }

    /**
     * An operator's tool (the Actuator endpoint) works with documents and ids only: a preview from a
     * rule-set document, applied by id on another instance after the first one is gone, undone
     * exactly; a hostile predicate in a document is refused like one written in Java.
     */
    @Test
    void aPreviewFromARuleSetDocumentIsAppliedByIdOnAnotherInstanceAndUndone() throws Exception {
        createTable(dataSource(), "doc_item", 500, NOW);
        Map<Long, String> original = RunsContract.state(dataSource(), "doc_item");
        long matching = matching(dataSource(), "doc_item");
        SettableClock clock = new SettableClock(NOW);
        String document = "{\"doc\":\"rule-set\",\"v\":1,\"table\":\"doc_item\",\"rules\":["
                + "{\"type\":\"predicate\",\"sql\":\"MOD(id, 4) <> 0\"}]}";
        assertThat(RuleSetDocument.read(RuleSetDocument.write(RuleSetDocument.read(document))).description())
                .isEqualTo(RuleSetDocument.read(document).description());
        long previewId = instance("planner", clock).runs().preview(RuleSetDocument.read(document)).runId();

        RecordingMetrics metrics = new RecordingMetrics();
        SoftDelete other = SoftDelete.builder(db.newPool(3)).clock(clock).instanceId("operator").metrics(metrics).build();
        Preview stored = other.runs().storedPreview(previewId);
        assertThat(stored.total()).isEqualTo(matching);
        assertThat(stored.rules().table()).isEqualTo("doc_item");
        long runId = other.runs().submit(stored, RunOptions.defaults().withBatchSize(100));
        other.runs().worker(RunOptions.defaults().withBatchSize(100)).run();
        assertThat(other.runs().registry().require(runId).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(matching(dataSource(), "doc_item")).isZero();
        assertThat(metrics.observed(dev.softdelete.core.metrics.MetricNames.OBSERVATION_RUN_BATCH))
                .as("every background batch is an observation").isEqualTo(other.runs().registry().require(runId).batchCount());
        assertThat(metrics.longTasks.get()).as("a range in progress is a long task").isPositive();
        assertThat(metrics.activeLongTasks.get()).isZero();
        other.runs().undo(runId);
        assertThat(RunsContract.state(dataSource(), "doc_item")).isEqualTo(original);

        assertThatThrownBy(() -> other.runs().storedPreview(runId)).isInstanceOf(RunStateException.class)
                .hasMessageContaining("not a soft-delete preview");
        String hostile = document.replace("MOD(id, 4) <> 0", "1=1; DROP TABLE doc_item");
        assertThatThrownBy(() -> other.runs().preview(RuleSetDocument.read(hostile)))
                .isInstanceOf(dev.softdelete.core.SoftDeleteException.class);
        assertThatThrownBy(() -> RuleSetDocument.read("{\"doc\":\"run-spec\",\"v\":1}"))
                .isInstanceOf(dev.softdelete.core.UnsupportedDocumentException.class);
        assertThat(RunsContract.state(dataSource(), "doc_item")).isEqualTo(original);
    }
}
