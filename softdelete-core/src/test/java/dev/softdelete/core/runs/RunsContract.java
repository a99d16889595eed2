package dev.softdelete.core.runs;

import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.registry.RunNotFoundException;
import dev.softdelete.core.registry.RunStateException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.catalog.UnknownTableException;
import dev.softdelete.core.dialect.InvalidIdentifierException;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.runs.rule.Exclusion;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.core.runs.rule.UnsafePredicateException;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.core.time.Sleeper;
import dev.softdelete.testing.DatabaseTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Preview, apply, resume, undo, leases and bad input, on every database. */
public abstract class RunsContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    static final LocalDateTime OLD = LocalDateTime.of(2019, 5, 1, 10, 0);

    static RuleSet olderThanRules(String table) {
        return RuleSet.on(table).rule(Rule.olderThan("updated_at", Duration.ofDays(365))).build();
    }

    // ---------------------------------------------------------------- preview

    @Test
    void previewCountsEqualHandWrittenSqlForEveryRuleAndExclusion() {
        db.execute("CREATE TABLE pv_parent (id BIGINT PRIMARY KEY, deleted_at " + ts() + ")",
                "CREATE TABLE pv_owner (id BIGINT PRIMARY KEY)");
        createTable("pv_item", ", CONSTRAINT fk_pv_parent FOREIGN KEY (parent_id) REFERENCES pv_parent (id)");
        db.execute("CREATE TABLE pv_ref (id BIGINT PRIMARY KEY, item_id BIGINT REFERENCES pv_item (id))");
        for (int p = 1; p <= 10; p++) {
            db.execute("INSERT INTO pv_parent (id, deleted_at) VALUES (" + p + ", " + (p >= 9 ? "TIMESTAMP '2025-01-01 00:00:00'" : "NULL") + ")");
        }
        for (int o = 1; o <= 50; o++) {
            db.execute("INSERT INTO pv_owner (id) VALUES (" + o + ")");
        }
        fill("pv_item", 200, NOW, i -> i % 3 != 0, i -> i % 17 == 0);
        db.execute("UPDATE pv_item SET parent_id = MOD(id, 10) + 1, status = CASE WHEN MOD(id, 4) = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END,"
                + " price = CASE WHEN MOD(id, 5) = 0 THEN 0 ELSE 10 END, owner_ref = MOD(id, 70)");
        for (long r : new long[] {1, 2, 3, 4, 5, 40, 41, 42, 43, 44, 45}) {
            db.execute("INSERT INTO pv_ref (id, item_id) VALUES (" + r + ", " + r + ")");
        }
        SoftDelete sd = sd(new SettableClock(NOW));
        Rule older = Rule.olderThan("updated_at", Duration.ofDays(365));
        Rule orphanFk = Rule.orphaned("fk_pv_parent");
        Rule orphanLogical = Rule.orphaned("owner_ref", "pv_owner", "id");
        Rule inactive = Rule.inactive("status", "INACTIVE");
        Rule predicate = Rule.predicate("price = 0 AND status <> 'X'");
        RuleSet rules = RuleSet.on("pv_item").rule(older).rule(orphanFk).rule(orphanLogical).rule(inactive).rule(predicate)
                .exclude(Exclusion.referencedFrom("pv_ref")).exclude(Exclusion.ids(50, 51, 52)).build();
        long runsBefore = countRuns(sd);
        Map<Long, String> before = state("pv_item");

        Preview preview = sd.runs().preview(rules, RunOptions.defaults().withBatchSize(7).withRowsPerSecond(10).withSampleSize(4));

        String excl = " AND NOT EXISTS (SELECT 1 FROM pv_ref r WHERE r.item_id = i.id) AND i.id NOT IN (50, 51, 52)";
        String live = "i.deleted_at IS NULL";
        String cutoff = "TIMESTAMP '" + NOW.minus(Duration.ofDays(365)).atOffset(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ') + "'";
        String c1 = "i.updated_at < " + cutoff;
        String c2 = "(i.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pv_parent p WHERE p.id = i.parent_id AND p.deleted_at IS NULL))";
        String c3 = "(i.owner_ref IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pv_owner o WHERE o.id = i.owner_ref))";
        String c4 = "i.status = 'INACTIVE'";
        String c5 = "(i.price = 0 AND i.status <> 'X')";
        String from = "SELECT COUNT(*) FROM pv_item i WHERE " + live + excl + " AND ";
        assertThat(preview.perRule()).containsEntry(older.description(), db.queryLong(from + c1))
                .containsEntry(orphanFk.description(), db.queryLong(from + c2))
                .containsEntry(orphanLogical.description(), db.queryLong(from + c3))
                .containsEntry(inactive.description(), db.queryLong(from + c4))
                .containsEntry(predicate.description(), db.queryLong(from + c5));
        long total = db.queryLong(from + "(" + String.join(" OR ", c1, c2, c3, c4, c5) + ")");
        assertThat(preview.total()).isEqualTo(total).isPositive();
        assertThat(db.queryLong(from + c2)).as("soft-deleted parents make orphans").isPositive();
        assertThat(db.queryLong(from + c3)).isPositive();
        // exclusions really exclude: without them the count is larger
        assertThat(db.queryLong("SELECT COUNT(*) FROM pv_item i WHERE " + live + " AND (" + String.join(" OR ", c1, c2, c3, c4, c5)
                + ")")).isGreaterThan(total);
        assertThat(preview.sampleIds()).hasSize(4).isSorted().doesNotContain(1L, 2L, 3L, 50L, 51L);
        assertThat(preview.batches()).isEqualTo((total + 6) / 7);
        assertThat(preview.estimatedDuration()).isEqualTo(Duration.ofMillis((long) Math.ceil(total * 100.0)));
        assertThat(preview.toJson()).contains("\"total\":" + total, "\"perRule\":{", "\"sampleIds\":[");
        // a preview writes one PREVIEW record and nothing else
        assertThat(countRuns(sd)).isEqualTo(runsBefore + 1);
        RunRecord record = sd.runRegistry().require(preview.runId());
        assertThat(record.mode()).isEqualTo(RunMode.PREVIEW);
        assertThat(record.status()).isEqualTo(RunStatus.PREVIEWED);
        assertThat(record.previewCount()).isEqualTo(total);
        assertThat(state("pv_item")).isEqualTo(before);
        assertThat(RecordedBatches.rows(dataSource(), sd, preview.runId(), null)).isZero();
    }

    // ---------------------------------------------------------------- apply / resume / undo

    @Test
    void appliesInAWaveThenResumesThenUndoRestoresExactlyTheOriginalState() {
        createTable("cy_item", "");
        fill("cy_item", 250, NOW, i -> i % 3 != 0, i -> i % 10 == 0);
        Map<Long, String> original = state("cy_item");
        long matching = db.queryLong("SELECT COUNT(*) FROM cy_item WHERE deleted_at IS NULL AND MOD(id, 3) <> 0");
        SettableClock clock = new SettableClock(NOW);
        RecordingMetrics metrics = new RecordingMetrics();
        SoftDelete sd = softDelete(b -> b.clock(clock).metrics(metrics).actorProvider(() -> "ops"));
        List<Duration> slept = new ArrayList<>();
        Sleeper sleeper = d -> {
            slept.add(d);
            clock.advance(d);
        };
        RunOptions options = RunOptions.defaults().withBatchSize(40).withRowsPerSecond(100).withSleeper(sleeper);

        Preview preview = sd.runs().preview(olderThanRules("cy_item"), options);
        assertThat(preview.total()).isEqualTo(matching);
        RunReport wave = sd.runs().apply(preview, options.withMaxRows(100));

        assertThat(wave.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(wave.affected()).isEqualTo(100);
        assertThat(wave.message()).contains("wave of 100 rows");
        assertThat(slept.stream().reduce(Duration.ZERO, Duration::plus)).as("100 rows at 100 rows/s").isEqualTo(Duration.ofSeconds(1));
        assertThat(items(sd, wave.runId())).isEqualTo(100);
        assertThat(db.queryLong("SELECT COUNT(*) FROM cy_item WHERE deleted_by = 'ops'")).isEqualTo(100);

        RunReport done = sd.runs().resume(wave.runId(), options);
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.affected()).isEqualTo(matching);
        assertThat(items(sd, done.runId())).isEqualTo(matching);
        assertThat(done.verification()).contains("\"consistent\":true", "\"recordedRows\":" + matching);
        LocalDateTime marker = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
        assertThat(db.queryLong("SELECT COUNT(*) FROM cy_item WHERE deleted_at = TIMESTAMP '" + marker.toString().replace('T', ' ')
                + ":00'")).isEqualTo(matching);
        assertThat(metrics.total(MetricNames.RUNS_ROWS, "kind", "soft_delete")).isEqualTo(matching);
        assertThat(metrics.total(MetricNames.RUNS, "outcome", "paused")).isEqualTo(1);
        assertThat(metrics.total(MetricNames.RUNS, "outcome", "completed")).isEqualTo(1);
        assertThat(metrics.events(MetricNames.RUNS_BATCH_DURATION)).isEqualTo(done.batches());
        assertThat(metrics.observed(MetricNames.OBSERVATION_RUN)).as("apply and resume, a span each").isEqualTo(2);
        assertThat(metrics.observed(MetricNames.OBSERVATION_RUN_BATCH)).isEqualTo(done.batches());
        assertThat(metrics.longTasks.get()).isEqualTo(2);
        assertThat(metrics.activeLongTasks.get()).as("no run in progress any more").isZero();

        // re-running the same rules is harmless: everything is soft-deleted already
        RunReport again = sd.runs().apply(sd.runs().preview(olderThanRules("cy_item"), options), options);
        assertThat(again.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(again.affected()).isZero();

        clock.advance(Duration.ofHours(1));
        RunReport undo = sd.runs().undo(done.runId(), options.withBatchSize(33));
        assertThat(undo.kind()).isEqualTo(RunKind.UNDO);
        assertThat(undo.parentRunId()).isEqualTo(done.runId());
        assertThat(undo.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(undo.affected()).isEqualTo(matching);
        assertThat(undo.skipped()).isZero();
        assertThat(undo.verification()).contains("\"consistent\":true", "\"parentBatchesNotUndone\":0");
        assertThat(state("cy_item")).isEqualTo(original);
        assertThat(sd.runRegistry().require(done.runId()).status()).isEqualTo(RunStatus.UNDONE);
        assertThat(sd.auditLog().forTarget("RUN", sd.runRegistry().require(done.runId()).targetTable(), 10))
                .extracting(e -> e.action() + ":" + e.runId()).contains("UNDO_RUN:" + undo.runId(),
                        "SOFT_DELETE_RUN:" + done.runId());
        assertThat(undo.toJson()).contains("\"kind\":\"UNDO\"", "\"status\":\"COMPLETED\"");
    }

    @Test
    void refusesToApplyWhenTheLiveCountDriftedFromThePreviewUnlessForced() {
        createTable("dr_item", "");
        fill("dr_item", 100, NOW, i -> i <= 50, i -> false);
        SoftDelete sd = sd(new SettableClock(NOW));
        Preview preview = sd.runs().preview(olderThanRules("dr_item"));
        db.execute("UPDATE dr_item SET updated_at = TIMESTAMP '2019-01-01 00:00:00' WHERE id BETWEEN 51 AND 60");
        Map<Long, String> before = state("dr_item");
        long runsBefore = countRuns(sd);

        assertThatThrownBy(() -> sd.runs().apply(preview)).isInstanceOf(PreviewDriftException.class)
                .hasMessageContaining("counted 50 rows, but 60 match now").hasMessageContaining("withForce");
        assertThat(state("dr_item")).isEqualTo(before);
        assertThat(countRuns(sd)).isEqualTo(runsBefore);

        assertThat(sd.runs().apply(preview, RunOptions.defaults().withTolerance(0.25)).affected()).isEqualTo(60);
        db.execute("UPDATE dr_item SET deleted_at = NULL");
        assertThat(sd.runs().apply(preview, RunOptions.defaults().withForce(true)).affected()).isEqualTo(60);
    }

    @Test
    void pausesWithTheCauseWhenBatchesKeepFailingAndResumesOnceFixed() {
        createTable("er_item", ", CONSTRAINT er_no_57 CHECK (deleted_at IS NULL OR id <> 57)");
        fill("er_item", 100, NOW, i -> true, i -> false);
        SoftDelete sd = sd(new SettableClock(NOW));
        RunOptions options = RunOptions.defaults().withBatchSize(10);
        RunReport paused = sd.runs().apply(sd.runs().preview(olderThanRules("er_item")), options);

        assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(paused.affected()).isEqualTo(50);
        assertThat(paused.failedBatches()).as("default threshold: 5% of 10 planned batches").isEqualTo(1);
        assertThat(paused.message()).contains("1 of 6 batches failed", "batch 6").containsIgnoringCase("er_no_57");
        assertThat(db.queryLong("SELECT COUNT(*) FROM er_item WHERE deleted_at IS NOT NULL AND id > 50")).isZero();
        assertThat(items(sd, paused.runId())).isEqualTo(50);

        db.execute("ALTER TABLE er_item DROP CONSTRAINT er_no_57");
        RunReport done = sd.runs().resume(paused.runId(), options);
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.affected()).isEqualTo(100);
        assertThat(items(sd, done.runId())).isEqualTo(100);
    }

    @Test
    void noBatchChangesMoreThanTheBatchSizeAndEachCandidateIsChangedOnceWhereverCandidatesLie() {
        createTable("sp_item", "");
        // sparse candidates (every 7th row) up to 150, then every row, some deleted beforehand
        fill("sp_item", 200, NOW, i -> i % 7 == 0 || i > 150, i -> i % 11 == 0);
        List<String> candidates = keysOf(state("sp_item"), id -> (id % 7 == 0 || id > 150) && id % 11 != 0);
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)));
        RunOptions options = RunOptions.defaults().withBatchSize(5);

        RunReport done = sd.runs().apply(sd.runs().preview(olderThanRules("sp_item"), options), options);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.affected()).isEqualTo(candidates.size());
        assertThat(RecordedBatches.keys(dataSource(), sd, done.runId(), "sp_item")).as("recorded once each, in key order")
                .containsExactlyElementsOf(candidates);
        assertThat(java.util.Collections.max(RecordedBatches.sizes(dataSource(), sd, done.runId()))).isBetween(1L, 5L);
        String marker = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC) + "|";
        Map<Long, String> after = state("sp_item");
        assertThat(keysOf(after, id -> after.get(id).startsWith(marker))).isEqualTo(candidates);
    }

    // ---------------------------------------------------------------- one worker per run

    @Test
    void aSecondWorkerIsRefusedWhileTheLeaseIsHeldAndTakesOverOnceItExpired() throws Exception {
        createTable("ls_item", "");
        fill("ls_item", 300, NOW, i -> true, i -> false);
        SettableClock clock = new SettableClock(NOW);
        SoftDelete one = SoftDelete.builder(db.newPool(2)).clock(clock).instanceId("worker-1").build();
        SoftDelete two = SoftDelete.builder(db.newPool(2)).clock(clock).instanceId("worker-2").build();
        RunReport wave = one.runs().apply(one.runs().preview(olderThanRules("ls_item")),
                RunOptions.defaults().withBatchSize(20).withMaxRows(20));
        long runId = wave.runId();

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        RunOptions stuck = RunOptions.defaults().withBatchSize(20).withRowsPerSecond(1000)
                .withLeaseDuration(Duration.ofMinutes(1)).withSleeper(d -> {
                    holding.countDown();
                    letGo.await();
                });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<RunReport> first = pool.submit(() -> one.runs().resume(runId, stuck));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        long itemsWhileHeld = items(one, runId);

        assertThatThrownBy(() -> two.runs().resume(runId)).isInstanceOf(RunLeasedException.class)
                .hasMessageContaining("worker-1");
        assertThat(items(one, runId)).isEqualTo(itemsWhileHeld);

        clock.advance(Duration.ofMinutes(2));
        RunReport takenOver = two.runs().resume(runId, RunOptions.defaults().withBatchSize(50));
        assertThat(takenOver.status()).isEqualTo(RunStatus.COMPLETED);
        letGo.countDown();
        assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(RunLeasedException.class)
                .hasMessageContaining("taken over");
        pool.shutdown();
        RunRecord run = one.runRegistry().require(runId);
        assertThat(run.affectedCount()).isEqualTo(300);
        assertThat(items(one, runId)).isEqualTo(300);
        assertThat(run.leaseOwner()).isNull();
    }

    @Test
    void twoWorkersRacingForOneRunNeverChangeARowTwice() throws Exception {
        createTable("rc_item", "");
        fill("rc_item", 400, NOW, i -> true, i -> false);
        SettableClock clock = new SettableClock(NOW);
        SoftDelete one = SoftDelete.builder(db.newPool(2)).clock(clock).instanceId("racer-1").build();
        SoftDelete two = SoftDelete.builder(db.newPool(2)).clock(clock).instanceId("racer-2").build();
        long runId = one.runs().apply(one.runs().preview(olderThanRules("rc_item")),
                RunOptions.defaults().withBatchSize(10).withMaxRows(10)).runId();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<RunReport>> results = new ArrayList<>();
        for (SoftDelete worker : List.of(one, two)) {
            results.add(pool.submit(() -> {
                start.await();
                return worker.runs().resume(runId, RunOptions.defaults().withBatchSize(10));
            }));
        }
        int completed = 0;
        for (Future<RunReport> r : results) {
            try {
                completed += r.get(60, TimeUnit.SECONDS).status() == RunStatus.COMPLETED ? 1 : 0;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfAny(RunLeasedException.class, RunStateException.class);
            }
        }
        pool.shutdown();
        assertThat(completed).isEqualTo(1);
        assertThat(one.runRegistry().require(runId).affectedCount()).isEqualTo(400);
        assertThat(items(one, runId)).isEqualTo(400);
    }

    // ---------------------------------------------------------------- concurrent users

    @Test
    void usersDeletingAndRestoringRowsMeanwhileAreNeverClobbered() throws Exception {
        createTable("cu_item", "");
        fill("cu_item", 600, NOW, i -> true, i -> i % 11 == 0 && i % 7 != 0 && i % 7 != 3 && i % 13 != 5);
        Map<Long, String> original = state("cu_item");
        SoftDelete sd = sd(new SettableClock(NOW));
        String userTs = "TIMESTAMP '2026-11-22 08:30:00.123456'";
        String userTs2 = "TIMESTAMP '2026-11-22 10:45:00.654321'";
        Preview preview = sd.runs().preview(olderThanRules("cu_item"));
        RunOptions options = RunOptions.defaults().withBatchSize(25).withForce(true);

        RunReport applied = whileUsersWork(() -> sd.runs().apply(preview, options),
                "UPDATE cu_item SET deleted_by = 'user', deleted_at = " + userTs + " WHERE MOD(id, 7) = 0",
                "UPDATE cu_item SET deleted_at = NULL, deleted_by = NULL WHERE MOD(id, 7) = 3");
        assertThat(applied.status()).isEqualTo(RunStatus.COMPLETED);
        Map<Long, String> afterApply = state("cu_item");
        afterApply.forEach((id, s) -> {
            if (id % 7 == 0) {
                assertThat(s).as("user's delete of %s", id).startsWith("2026-11-22T08:30:00.123456");
            } else if (id % 7 == 3) {
                assertThat(s).as("user's restore of %s", id).startsWith("null");
            } else if (id % 11 == 0 && id % 13 != 5) {
                assertThat(s).as("deleted before the run: %s", id).isEqualTo(original.get(id));
            } else {
                assertThat(s).as("run's delete of %s", id).startsWith("2026-11-22T09:00|");
            }
        });
        assertThat(items(sd, applied.runId())).isEqualTo(applied.affected());
        assertThat(RecordedBatches.keys(dataSource(), sd, applied.runId(), "cu_item"))
                .as("rows deleted before the run are skipped, never recorded")
                .doesNotContainAnyElementsOf(keysOf(original, id -> original.get(id).startsWith("2019")));

        RunReport undone = whileUsersWork(() -> sd.runs().undo(applied.runId(), options),
                "UPDATE cu_item SET deleted_at = " + userTs2 + " WHERE MOD(id, 13) = 5 AND MOD(id, 7) NOT IN (0, 3)");
        assertThat(undone.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(undone.affected() + undone.skipped()).isEqualTo(applied.affected());
        state("cu_item").forEach((id, s) -> {
            if (id % 7 == 0) {
                assertThat(s).as("user's delete of %s survives undo", id).startsWith("2026-11-22T08:30:00.123456");
            } else if (id % 13 == 5 && id % 7 != 3) {
                assertThat(s).as("user's delete during undo of %s", id).startsWith("2026-11-22T10:45:00.654321");
            } else {
                assertThat(s).as("row %s back to its original state", id).isEqualTo(original.get(id));
            }
        });
    }

    // ---------------------------------------------------------------- crash and resume

    @Test
    void aKilledWorkerIsResumedWithoutChangingARowTwiceAndUndoRestoresEverything() throws Exception {
        CrashDb crash = crashDatabase();
        try (HikariDataSource ds = crash.pool()) {
            Instant realNow = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            execute(ds, "CREATE TABLE kl_item (id BIGINT PRIMARY KEY, updated_at " + ts() + " NOT NULL, status VARCHAR(20),"
                    + " price INT, parent_id BIGINT, owner_ref BIGINT, deleted_at " + ts() + ", deleted_by VARCHAR(100))");
            fill(ds, "kl_item", 1000, realNow, i -> i % 5 != 0, i -> i % 9 == 0);
            Map<Long, String> original = state(ds, "kl_item");
            long matching = queryLong(ds, "SELECT COUNT(*) FROM kl_item WHERE deleted_at IS NULL AND MOD(id, 5) <> 0");
            SoftDelete.builder(ds).build(); // library schema exists before the child starts

            Path log = Files.createTempFile("runs-crash-child", ".log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RunsCrashChild.class.getName(),
                    crash.url(), crash.user(), crash.password(), "kl_item")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            SoftDelete parent = SoftDelete.builder(ds).clock(new SettableClock(realNow.plus(Duration.ofHours(1))))
                    .instanceId("parent").build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            RunRecord run = null;
            while (System.nanoTime() < deadline && (run == null || run.affectedCount() < 100)) {
                run = parent.runRegistry().list(RunKind.SOFT_DELETE, 5).stream()
                        .filter(r -> r.mode() == RunMode.APPLY).findFirst().orElse(null);
                Thread.sleep(50); // waiting for another process to make progress, not for time to pass
            }
            child.destroyForcibly(); // SIGKILL on Unix
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run).as("child log: %s", Files.readString(log)).isNotNull();
            RunRecord killed = parent.runRegistry().require(run.id());
            assertThat(killed.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(killed.leaseOwner()).startsWith("crash-child");
            assertThat(killed.affectedCount()).isBetween(100L, matching - 1);
            assertThat(RecordedBatches.rows(ds, parent, run.id(), null)).isEqualTo(killed.affectedCount());

            RunReport resumed = parent.runs().resume(run.id(), RunOptions.defaults().withBatchSize(100)
                    .withMarkerScan(true));
            assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(resumed.affected()).as("no row counted twice").isEqualTo(matching);
            assertThat(RecordedBatches.rows(ds, parent, run.id(), null)).isEqualTo(matching);
            assertThat(resumed.verification()).contains("\"consistent\":true", "\"rowsCarryingRunMarker\":" + matching);

            RunReport undo = parent.runs().undo(run.id());
            assertThat(undo.affected()).isEqualTo(matching);
            assertThat(state(ds, "kl_item")).isEqualTo(original);
            Files.deleteIfExists(log);
        } finally {
            crash.drop();
        }
    }

    @Test
    void batchRecordsWithoutKeyBoundsAsV5CopiesThemAreUndoneExactly() {
        createTable("vb_item", "");
        fill("vb_item", 120, NOW, i -> i % 3 != 0, i -> i % 10 == 0);
        Map<Long, String> original = state("vb_item");
        SoftDelete sd = sd(new SettableClock(NOW));
        RunReport applied = sd.runs().apply(sd.runs().preview(olderThanRules("vb_item")),
                RunOptions.defaults().withBatchSize(25));
        db.execute("UPDATE " + sd.schema().table(LibraryTable.RUN_BATCHES) + " SET first_key = NULL, last_key = NULL"
                + " WHERE run_id = " + applied.runId());
        RunReport undone = sd.runs().undo(applied.runId());
        assertThat(undone.affected()).isEqualTo(applied.affected()).isPositive();
        assertThat(state("vb_item")).isEqualTo(original);
    }

    @Test
    void batchesGrowTowardTheTargetDurationAndAFixedSizeStaysFixed() {
        createTable("ab_item", "");
        fill("ab_item", 1_000, NOW, i -> true, i -> false);
        SoftDelete sd = sd(new SettableClock(NOW));
        // batches far faster than 80% of a 60 s target: each one twice the one before (the most it grows)
        RunReport adaptive = sd.runs().apply(sd.runs().preview(olderThanRules("ab_item")),
                RunOptions.defaults().withBatchSize(100).withTargetBatchDuration(Duration.ofSeconds(60)));
        assertThat(adaptive.affected()).isEqualTo(1_000);
        assertThat(RecordedBatches.sizes(dataSource(), sd, adaptive.runId())).containsExactly(100L, 200L, 400L, 300L);
        sd.runs().undo(adaptive.runId());

        RunReport fixed = sd.runs().apply(sd.runs().preview(olderThanRules("ab_item")),
                RunOptions.defaults().withBatchSize(100));
        assertThat(RecordedBatches.sizes(dataSource(), sd, fixed.runId())).hasSize(10).containsOnly(100L);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputIsRefusedClearlyAndChangesNothing() {
        createTable("bi_item", "");
        fill("bi_item", 50, NOW, i -> true, i -> i % 10 == 0);
        SoftDelete sd = sd(new SettableClock(NOW));
        Map<Long, String> before = state("bi_item");
        long runsBefore = countRuns(sd);
        Duration age = Duration.ofDays(1);

        assertThatThrownBy(() -> sd.runs().preview(RuleSet.on("no_such_table").rule(Rule.olderThan("updated_at", age)).build()))
                .isInstanceOf(UnknownTableException.class).hasMessageContaining("no_such_table");
        assertThatThrownBy(() -> sd.runs().preview(RuleSet.on("bi_item").rule(Rule.olderThan("no_such_col", age)).build()))
                .isInstanceOf(UnknownTableException.class).hasMessageContaining("no_such_col");
        assertThatThrownBy(() -> sd.runs().preview(RuleSet.on("bi_item; DROP TABLE bi_item").rule(Rule.olderThan("updated_at", age)).build()))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> sd.runs().preview(RuleSet.on("bi_item").rule(Rule.inactive("status' OR '1'='1", "x")).build()))
                .isInstanceOf(InvalidIdentifierException.class);
        sd.tables().register(SoftDeletableTable.of("bi_item").withKeyColumn("status").withMarkerColumn("price"));
        try {
            assertThatThrownBy(() -> sd.runs().preview(RuleSet.on("bi_item").rule(Rule.olderThan("updated_at", age)).build()))
                    .hasMessageContaining("not a timestamp");
        } finally {
            sd.tables().register(SoftDeletableTable.of("bi_item"));
        }
        for (String bad : List.of("price = 0; DELETE FROM bi_item", "price = 0; --", "DELETE FROM bi_item",
                "id IN (SELECT id FROM bi_item) OR EXISTS (SELECT 1 FROM " + sd.schema().name(LibraryTable.RUNS) + ")",
                "price = nextval('s')", "no_such_col = 1", "price", "price = = 1", "bi_item.price = 0")) {
            assertThatThrownBy(() -> sd.runs().preview(RuleSet.on("bi_item").rule(Rule.predicate(bad)).build()))
                    .as(bad).isInstanceOf(UnsafePredicateException.class).hasMessageContaining("Refused predicate");
        }
        assertThat(sd.runs().preview(RuleSet.on("bi_item").rule(Rule.predicate("status = 'a;b' OR price > 100")).build()).total())
                .as("a ';' inside a string literal is data, not a separator").isZero();

        assertThatThrownBy(() -> sd.runs().undo(987654321L)).isInstanceOf(RunNotFoundException.class)
                .hasMessageContaining("987654321");
        Preview preview = sd.runs().preview(olderThanRules("bi_item"));
        assertThatThrownBy(() -> sd.runs().undo(preview.runId())).isInstanceOf(RunStateException.class)
                .hasMessageContaining("PREVIEW");
        assertThat(state("bi_item")).isEqualTo(before);
        assertThat(countRuns(sd)).isEqualTo(runsBefore + 2);

        RunReport applied = sd.runs().apply(preview);
        sd.runs().undo(applied.runId());
        Map<Long, String> afterUndo = state("bi_item");
        long runsAfterUndo = countRuns(sd);
        assertThatThrownBy(() -> sd.runs().undo(applied.runId())).isInstanceOf(RunStateException.class)
                .hasMessageContaining("already undone");
        assertThatThrownBy(() -> sd.runs().resume(applied.runId())).isInstanceOf(RunStateException.class);
        assertThat(state("bi_item")).isEqualTo(afterUndo).isEqualTo(before);
        assertThat(countRuns(sd)).isEqualTo(runsAfterUndo);
    }

    // ---------------------------------------------------------------- helpers

    private SoftDelete sd(SettableClock clock) {
        return softDelete(b -> b.clock(clock));
    }

    /** Runs {@code work} while another thread keeps running the users' statements, then runs them once more. */
    private RunReport whileUsersWork(java.util.concurrent.Callable<RunReport> work, String... userSql) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread users = new Thread(() -> {
            try (Connection c = db.newPool(1).getConnection(); Statement s = c.createStatement()) {
                while (!done.get()) {
                    for (String sql : userSql) {
                        s.executeUpdate(sql);
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        users.start();
        RunReport report;
        try {
            report = work.call();
        } finally {
            done.set(true);
            users.join();
        }
        assertThat(failure.get()).isNull();
        db.execute(userSql);
        return report;
    }

    String ts() {
        return database().localTimestampType();
    }

    private void createTable(String name, String extra) {
        execute(dataSource(), "CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, updated_at " + ts() + " NOT NULL,"
                + " status VARCHAR(20), price INT, parent_id BIGINT, owner_ref BIGINT, deleted_at " + ts() + ","
                + " deleted_by VARCHAR(100)" + extra + ")");
    }

    private void fill(String table, int rows, Instant now, LongPredicate old, LongPredicate preDeleted) {
        fill(dataSource(), table, rows, now, old, preDeleted);
    }

    static void fill(DataSource ds, String table, int rows, Instant now, LongPredicate old, LongPredicate preDeleted) {
        LocalDateTime nowUtc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (id, updated_at, status, price, deleted_at, deleted_by) VALUES (?, ?, 'ACTIVE', 10, ?, ?)")) {
            for (long i = 1; i <= rows; i++) {
                ps.setLong(1, i);
                ps.setObject(2, old.test(i) ? nowUtc.minusDays(800) : nowUtc.minusDays(10));
                ps.setObject(3, preDeleted.test(i) ? OLD.plusMinutes(i) : null);
                ps.setString(4, preDeleted.test(i) ? "someone" : null);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Long, String> state(String table) {
        return state(dataSource(), table);
    }

    /** id -> "deleted_at|deleted_by" (deleted_at in UTC wall time). */
    static Map<Long, String> state(DataSource ds, String table) {
        Map<Long, String> state = new TreeMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, deleted_at, deleted_by FROM " + table)) {
            while (rs.next()) {
                state.put(rs.getLong(1), rs.getObject(2, LocalDateTime.class) + "|" + rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return state;
    }

    private static List<String> keysOf(Map<Long, String> state, LongPredicate which) {
        return state.keySet().stream().filter(which::test).map(String::valueOf).toList();
    }

    private long items(SoftDelete sd, long runId) {
        return RecordedBatches.rows(dataSource(), sd, runId, null);
    }

    private long countRuns(SoftDelete sd) {
        return db.queryLong("SELECT COUNT(*) FROM " + sd.schema().table(LibraryTable.RUNS));
    }

    static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<String> queryStrings(DataSource ds, String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return values;
    }

    static long queryLong(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A database a second JVM can reach: the isolated one, or for H2 a file database in server mode. */
    private CrashDb crashDatabase() throws Exception {
        if (database().reachableFromOtherProcesses()) {
            return new CrashDb(db.jdbcUrl(), db.user(), db.password(), null);
        }
        File dir = Files.createTempDirectory("runs-h2").toFile();
        return new CrashDb("jdbc:h2:file:" + dir.getAbsolutePath() + "/crash;AUTO_SERVER=TRUE", "sa", "", dir);
    }

    record CrashDb(String url, String user, String password, File dir) {
        HikariDataSource pool() {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(url);
            ds.setUsername(user);
            ds.setPassword(password);
            ds.setMaximumPoolSize(3);
            return ds;
        }

        void drop() {
            if (dir != null) {
                for (File f : dir.listFiles()) {
                    f.delete();
                }
                dir.delete();
            }
        }
    }
}
