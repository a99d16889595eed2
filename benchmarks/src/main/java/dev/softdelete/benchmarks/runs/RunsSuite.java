package dev.softdelete.benchmarks.runs;

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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Suite {@code runs}: on PostgreSQL, soft-delete 1,000,000 rows of a 2,000,000-row table by an
 * "older than" rule with run items (our batched, leased, resumable apply), against one
 * set-based {@code UPDATE ... WHERE} of the same rows (the physical limit), then the same for
 * undo. Each measurement starts from a vacuumed table with no soft-deleted rows.
 *
 * <p>Prints {@code runs_apply_vs_setbased} and {@code runs_undo_vs_setbased} (set-based time /
 * our time, at the recommended batch size) plus the raw timings per batch size.
 * Arguments: {@code [rows] [batch sizes, comma-separated]}; defaults 2000000 and 1000,10000.
 */
public final class RunsSuite {

    private static final String SCHEMA = "bench_runs";

    private RunsSuite() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        String[] batchSizes = (args.length > 1 ? args[1] : "1000,10000").split(",");
        String url = env("SOFTDELETE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (HikariDataSource admin = pool(url, 1)) {
            exec(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        }
        try (HikariDataSource ds = pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, 4)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            LocalDateTime nowUtc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            progress("loading %,d rows (half of them older than two years)", rows);
            exec(ds, "CREATE TABLE items (id BIGINT PRIMARY KEY, updated_at TIMESTAMP(6) NOT NULL, payload VARCHAR(100),"
                    + " deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))");
            exec(ds, "INSERT INTO items (id, updated_at, payload) SELECT g, TIMESTAMP '" + nowUtc + "' - (CASE WHEN g % 2 = 0"
                    + " THEN INTERVAL '800 days' ELSE INTERVAL '10 days' END), md5(g::text) FROM generate_series(1, " + rows + ") g");
            SoftDelete sd = SoftDelete.builder(ds).instanceId("bench").build();
            vacuum(ds);

            LocalDateTime cutoff = nowUtc.minusDays(730);
            LocalDateTime marker = nowUtc;
            long t0 = System.nanoTime();
            long setApplied = update(ds, "UPDATE items SET deleted_at = ?, deleted_by = 'bench' WHERE updated_at < ?"
                    + " AND deleted_at IS NULL", marker, cutoff);
            double setApplyMs = ms(t0);
            t0 = System.nanoTime();
            update(ds, "UPDATE items SET deleted_at = NULL, deleted_by = NULL WHERE deleted_at = ?", marker);
            double setUndoMs = ms(t0);
            progress("set-based: %,d rows soft-deleted in %.0f ms, restored in %.0f ms", setApplied, setApplyMs, setUndoMs);
            out("runs_rows_soft_deleted", setApplied);
            out("runs_setbased_apply_ms", Math.round(setApplyMs));
            out("runs_setbased_undo_ms", Math.round(setUndoMs));

            RuleSet rules = RuleSet.on("items").rule(Rule.olderThan("updated_at", Duration.ofDays(730))).build();
            double bestApply = 0;
            double bestUndo = 0;
            String best = null;
            for (String size : batchSizes) {
                int batch = Integer.parseInt(size.trim());
                vacuum(ds);
                RunOptions options = RunOptions.defaults().withBatchSize(batch);
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
                progress("batch %,d: %,d rows soft-deleted with run items in %.0f ms (%d batches), undone in %.0f ms",
                        batch, applied.affected(), applyMs, applied.batches(), undoMs);
                out("runs_apply_ms_batch" + batch, Math.round(applyMs));
                out("runs_undo_ms_batch" + batch, Math.round(undoMs));
                out("runs_apply_vs_setbased_batch" + batch, ratio(setApplyMs, applyMs));
                out("runs_undo_vs_setbased_batch" + batch, ratio(setUndoMs, undoMs));
                if (setApplyMs / applyMs > bestApply) {
                    bestApply = setApplyMs / applyMs;
                    bestUndo = setUndoMs / undoMs;
                    best = size.trim();
                }
                exec(ds, "TRUNCATE TABLE " + sd.schema().table(dev.softdelete.core.schema.LibraryTable.RUN_ITEMS));
            }
            out("runs_best_batch_size", best);
            out("runs_apply_vs_setbased", String.format(Locale.ROOT, "%.2f", bestApply));
            out("runs_undo_vs_setbased", String.format(Locale.ROOT, "%.2f", bestUndo));
        }
        try (HikariDataSource admin = pool(url, 1)) {
            exec(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
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

    private static void exec(HikariDataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static HikariDataSource pool(String url, int size) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(env("SOFTDELETE_PG_USER", "postgres"));
        ds.setPassword(env("SOFTDELETE_PG_PASSWORD", ""));
        ds.setMaximumPoolSize(size);
        return ds;
    }

    private static String ratio(double setBased, double ours) {
        return String.format(Locale.ROOT, "%.2f", setBased / ours);
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

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
