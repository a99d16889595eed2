package dev.softdelete.benchmarks.runs;

import static dev.softdelete.benchmarks.Stats.median;
import static dev.softdelete.benchmarks.BenchJdbc.exec;
import static dev.softdelete.benchmarks.BenchJdbc.env;
import static dev.softdelete.benchmarks.BenchJdbc.pgPool;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.runs.Preview;
import dev.softdelete.core.runs.RunOptions;
import dev.softdelete.core.runs.RunReport;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Suite {@code runs}: on PostgreSQL, soft-delete 1,000,000 rows of a 2,000,000-row table by an
 * "older than" rule with batch records (our batched, leased, resumable apply), against one
 * set-based {@code UPDATE ... WHERE} of the same rows (the physical limit), then the same for
 * undo. Each measurement starts from a vacuumed table with no soft-deleted rows; the set-based
 * anchor runs on a pool of its own; each round measures the anchor and then ours at every batch
 * size, and the rounds repeat (default 3).
 *
 * <p>Prints the median and the spread (min-max) over the rounds of each ratio, and
 * {@code runs_apply_vs_setbased} and {@code runs_undo_vs_setbased} (set-based time /
 * our time, at the default options ({@code RunOptions.defaults()}: batches starting at 1,000 rows
 * and adapting to a 500 ms target), when they are measured, else at the batch size with the best
 * median); each round's timings go to stderr. A batch size given as a number is fixed
 * ({@code withBatchSize}); {@code default} is the default adaptive size.
 * Then {@code runs_apply_workers_2_speedup} (see {@link #workers}) and {@code runs_cascade_apply_vs_setbased}: the same rule on a second parent table whose
 * candidates each have an active child in a table of {@code rows} children (see {@link #cascade}).
 * Arguments: {@code [rows] [batch sizes, comma-separated] [rounds]}; defaults 2000000, default,1000 and 3.
 */
public final class RunsSuite {

    private static final String SCHEMA = "bench_runs";
    private static final String DEFAULT_BATCH = "default";

    private RunsSuite() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        String[] batchSizes = (args.length > 1 ? args[1] : DEFAULT_BATCH + ",1000").split(",");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String url = env("SOFTDELETE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (HikariDataSource admin = pgPool(url, null, 1, "bench-runs-admin")) {
            exec(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        }
        // The anchor (set-based SQL) has a pool of its own: it shares no configuration with ours.
        try (HikariDataSource ds = pgPool(url, SCHEMA, 4, "bench-runs-ours");
                HikariDataSource anchor = pgPool(url, SCHEMA, 1, "bench-runs-anchor")) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            LocalDateTime nowUtc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            progress("loading %,d rows (half of them older than two years)", rows);
            exec(ds, "CREATE TABLE items (id BIGINT PRIMARY KEY, updated_at TIMESTAMP(6) NOT NULL, payload VARCHAR(100),"
                    + " deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))");
            exec(ds, "INSERT INTO items (id, updated_at, payload) SELECT g, TIMESTAMP '" + nowUtc + "' - (CASE WHEN g % 2 = 0"
                    + " THEN INTERVAL '800 days' ELSE INTERVAL '10 days' END), md5(g::text) FROM generate_series(1, " + rows + ") g");
            SoftDelete sd = SoftDelete.builder(ds).instanceId("bench").build();
            LocalDateTime cutoff = nowUtc.minusDays(730);
            LocalDateTime marker = nowUtc;
            RuleSet rules = RuleSet.on("items").rule(Rule.olderThan("updated_at", Duration.ofDays(730))).build();
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            long expected = -1;
            // Each round measures the anchor, then ours at each batch size, from a vacuumed table
            // with no soft-deleted rows: the contenders are interleaved, and the ratio of a round
            // compares measurements taken minutes apart, not hours.
            for (int round = 1; round <= rounds; round++) {
                vacuum(ds);
                long t0 = System.nanoTime();
                long setApplied = update(anchor, "UPDATE items SET deleted_at = ?, deleted_by = 'bench' WHERE updated_at < ?"
                        + " AND deleted_at IS NULL", marker, cutoff);
                double setApplyMs = ms(t0);
                t0 = System.nanoTime();
                update(anchor, "UPDATE items SET deleted_at = NULL, deleted_by = NULL WHERE deleted_at = ?", marker);
                double setUndoMs = ms(t0);
                expected = setApplied;
                progress("round %d set-based: %,d rows soft-deleted in %.0f ms, restored in %.0f ms", round, setApplied,
                        setApplyMs, setUndoMs);
                for (String size : batchSizes) {
                    String batch = size.trim();
                    vacuum(ds);
                    RunOptions options = batch.equals(DEFAULT_BATCH) ? RunOptions.defaults()
                            : RunOptions.defaults().withBatchSize(Integer.parseInt(batch));
                    Preview preview = sd.runs().preview(rules, options);
                    t0 = System.nanoTime();
                    RunReport applied = sd.runs().apply(preview, options);
                    double applyMs = ms(t0);
                    t0 = System.nanoTime();
                    RunReport undone = sd.runs().undo(applied.runId(), options);
                    double undoMs = ms(t0);
                    if (applied.status() != RunStatus.COMPLETED || applied.affected() != setApplied
                            || undone.affected() != setApplied) {
                        throw new IllegalStateException("Unexpected outcome: " + applied.toJson() + " / " + undone.toJson());
                    }
                    progress("round %d batch %s: soft-deleted with batch records in %.0f ms (%d batches), undone in %.0f ms",
                            round, batch, applyMs, applied.batches(), undoMs);
                    ratios.computeIfAbsent("runs_apply_vs_setbased_batch" + batch, k -> new ArrayList<>())
                            .add(setApplyMs / applyMs);
                    ratios.computeIfAbsent("runs_undo_vs_setbased_batch" + batch, k -> new ArrayList<>())
                            .add(setUndoMs / undoMs);
                    exec(ds, "TRUNCATE TABLE " + sd.schema().table(dev.softdelete.core.schema.LibraryTable.RUN_BATCHES));
                }
            }
            workers(ds, url, sd, rules, rounds, expected, ratios);
            cascade(ds, anchor, sd, rows, rounds, nowUtc, ratios);
            out("runs_rows_soft_deleted", expected);
            out("runs_rounds", rounds);
            String best = null;
            for (String size : batchSizes) {
                String batch = size.trim();
                for (String kind : List.of("apply", "undo")) {
                    List<Double> values = ratios.get("runs_" + kind + "_vs_setbased_batch" + batch);
                    out("runs_" + kind + "_vs_setbased_batch" + batch, String.format(Locale.ROOT, "%.2f", median(values)));
                    out("runs_" + kind + "_vs_setbased_batch" + batch + "_spread", spread(values));
                }
                if (best == null || median(ratios.get("runs_apply_vs_setbased_batch" + batch))
                        > median(ratios.get("runs_apply_vs_setbased_batch" + best))) {
                    best = batch;
                }
            }
            List<Double> speedup = ratios.get("runs_apply_workers_2_speedup");
            out("runs_apply_workers_2_speedup", String.format(Locale.ROOT, "%.2f", median(speedup)));
            out("runs_apply_workers_2_speedup_spread", spread(speedup));
            List<Double> cascade = ratios.get("runs_cascade_apply_vs_setbased");
            out("runs_cascade_apply_vs_setbased", String.format(Locale.ROOT, "%.2f", median(cascade)));
            out("runs_cascade_apply_vs_setbased_spread", spread(cascade));
            out("runs_best_batch_size", best);
            // The headline figures are at the default batch size (RunOptions.defaults()), measured
            // whenever it is among the sizes; otherwise at the best one.
            String headline = ratios.containsKey("runs_apply_vs_setbased_batch" + DEFAULT_BATCH) ? DEFAULT_BATCH : best;
            out("runs_headline_batch_size", headline);
            for (String kind : List.of("apply", "undo")) {
                List<Double> values = ratios.get("runs_" + kind + "_vs_setbased_batch" + headline);
                out("runs_" + kind + "_vs_setbased", String.format(Locale.ROOT, "%.2f", median(values)));
                out("runs_" + kind + "_vs_setbased_spread", spread(values));
            }
        }
        try (HikariDataSource admin = pgPool(url, null, 1, "bench-runs-admin")) {
            exec(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /**
     * {@code runs_apply_workers_2_speedup}: the same rule submitted as a background run, applied
     * by one worker, then (from the same starting state) by two workers with pools of their own,
     * at the default batch size; speedup = one worker's time / two workers' time. Each round
     * measures both; every run is undone afterwards.
     */
    private static void workers(HikariDataSource ds, String url, SoftDelete sd, RuleSet rules, int rounds,
            long expected, Map<String, List<Double>> ratios) throws Exception {
        try (HikariDataSource w1 = pgPool(url, SCHEMA, 2, "bench-runs-worker-1");
                HikariDataSource w2 = pgPool(url, SCHEMA, 2, "bench-runs-worker-2")) {
            List<SoftDelete> instances = List.of(SoftDelete.builder(w1).instanceId("bench-w1").build(),
                    SoftDelete.builder(w2).instanceId("bench-w2").build());
            RunOptions options = RunOptions.defaults().withLeaseDuration(Duration.ofSeconds(30));
            for (int round = 1; round <= rounds; round++) {
                double[] ms = new double[2];
                for (int n = 1; n <= 2; n++) {
                    vacuum(ds);
                    long runId = sd.runs().submit(sd.runs().preview(rules, options), options);
                    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
                    long t0 = System.nanoTime();
                    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        done.add(pool.submit(instances.get(i).runs().worker(options)));
                    }
                    for (java.util.concurrent.Future<?> f : done) {
                        f.get();
                    }
                    ms[n - 1] = ms(t0);
                    pool.shutdown();
                    var run = sd.runRegistry().require(runId);
                    if (run.status() != RunStatus.COMPLETED || run.affectedCount() != expected) {
                        throw new IllegalStateException("Unexpected background outcome: " + run);
                    }
                    sd.runs().undo(runId, options);
                    exec(ds, "TRUNCATE TABLE " + sd.schema().table(dev.softdelete.core.schema.LibraryTable.RUN_BATCHES));
                }
                progress("round %d background run: one worker %.0f ms, two workers %.0f ms", round, ms[0], ms[1]);
                ratios.computeIfAbsent("runs_apply_workers_2_speedup", k -> new ArrayList<>()).add(ms[0] / ms[1]);
            }
        }
    }

    /**
     * The cascade figure: a second parent table of {@code rows} rows (half of them candidates) and
     * a child table of {@code rows} rows, one per parent, referencing it through a foreign key
     * (indexed) and carrying a marker. Each round: the anchor soft-deletes the candidates and then
     * their active children with two set-based UPDATEs on its own pool (and restores them), then
     * our run does the same at the default batch size (and is undone).
     */
    private static void cascade(HikariDataSource ds, HikariDataSource anchor, SoftDelete sd, int rows, int rounds,
            LocalDateTime nowUtc, Map<String, List<Double>> ratios) throws SQLException {
        progress("loading %,d parents and %,d children", rows, rows);
        exec(ds, "CREATE TABLE parents (id BIGINT PRIMARY KEY, updated_at TIMESTAMP(6) NOT NULL, payload VARCHAR(100),"
                + " deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))",
                "INSERT INTO parents (id, updated_at, payload) SELECT g, TIMESTAMP '" + nowUtc + "' - (CASE WHEN g % 2 = 0"
                + " THEN INTERVAL '800 days' ELSE INTERVAL '10 days' END), md5(g::text) FROM generate_series(1, " + rows + ") g",
                "CREATE TABLE children (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES parents (id),"
                + " payload VARCHAR(100), deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))",
                "INSERT INTO children (id, parent_id, payload) SELECT g, g, md5(g::text) FROM generate_series(1, " + rows + ") g",
                "CREATE INDEX children_parent_ix ON children (parent_id)");
        LocalDateTime cutoff = nowUtc.minusDays(730);
        RuleSet rules = RuleSet.on("parents").rule(Rule.olderThan("updated_at", Duration.ofDays(730))).build();
        for (int round = 1; round <= rounds; round++) {
            vacuumCascade(ds);
            long t0 = System.nanoTime();
            long parents;
            long children;
            try (Connection c = anchor.getConnection()) {
                c.setAutoCommit(false);
                parents = update(c, "UPDATE parents SET deleted_at = ?, deleted_by = 'bench' WHERE updated_at < ?"
                        + " AND deleted_at IS NULL", nowUtc, cutoff);
                children = update(c, "UPDATE children SET deleted_at = ?, deleted_by = 'bench' WHERE deleted_at IS NULL"
                        + " AND parent_id IN (SELECT id FROM parents WHERE deleted_at = ?)", nowUtc, nowUtc);
                c.commit();
            }
            double setMs = ms(t0);
            update(anchor, "UPDATE children SET deleted_at = NULL, deleted_by = NULL WHERE deleted_at = ?", nowUtc);
            update(anchor, "UPDATE parents SET deleted_at = NULL, deleted_by = NULL WHERE deleted_at = ?", nowUtc);
            vacuumCascade(ds);
            RunOptions options = RunOptions.defaults();
            Preview preview = sd.runs().preview(rules, options);
            t0 = System.nanoTime();
            RunReport applied = sd.runs().apply(preview, options);
            double applyMs = ms(t0);
            Map<String, Long> changed = sd.runs().changedRows(applied.runId());
            if (applied.status() != RunStatus.COMPLETED || applied.affected() != parents
                    || changed.getOrDefault("children", -1L) != children) {
                throw new IllegalStateException("Unexpected cascade outcome: " + applied.toJson() + " " + changed);
            }
            sd.runs().undo(applied.runId(), options);
            progress("round %d cascade: set-based %,d parents + %,d children in %.0f ms; our run in %.0f ms (%d batches)",
                    round, parents, children, setMs, applyMs, applied.batches());
            ratios.computeIfAbsent("runs_cascade_apply_vs_setbased", k -> new ArrayList<>()).add(setMs / applyMs);
        }
    }

    private static void vacuumCascade(HikariDataSource ds) throws SQLException {
        exec(ds, "VACUUM ANALYZE parents", "VACUUM ANALYZE children", "CHECKPOINT");
    }

    private static long update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static String spread(List<Double> values) {
        return String.format(Locale.ROOT, "%.2f-%.2f", values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static long update(HikariDataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static void vacuum(HikariDataSource ds) throws SQLException {
        exec(ds, "VACUUM ANALYZE items", "CHECKPOINT");
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void out(String name, Object value) {
        System.out.println(name + "=" + value);
    }

    private static void progress(String format, Object... args) {
        System.err.println("[runs] " + String.format(Locale.ROOT, format, args));
    }

}
