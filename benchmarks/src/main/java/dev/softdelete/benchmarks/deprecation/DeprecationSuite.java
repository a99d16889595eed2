package dev.softdelete.benchmarks.deprecation;

import static dev.softdelete.benchmarks.Stats.median;
import static dev.softdelete.benchmarks.BenchJdbc.count;
import static dev.softdelete.benchmarks.BenchJdbc.exec;
import static dev.softdelete.benchmarks.BenchJdbc.env;
import static dev.softdelete.benchmarks.BenchJdbc.pgPool;
import static dev.softdelete.benchmarks.BenchJdbc.check;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.deprecation.DeprecationPlan;
import dev.softdelete.core.deprecation.DeprecationRequest;
import dev.softdelete.core.deprecation.DeprecationResult;
import dev.softdelete.core.deprecation.DeprecationTarget;
import dev.softdelete.core.deprecation.RollbackResult;
import dev.softdelete.core.deprecation.Verdict;
import dev.softdelete.core.time.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code benchmarks/run deprecation [rows] [rounds]}: on PostgreSQL, a table {@code bench_dep} of
 * {@code rows} (default 1,000,000) rows; each round (default 3) deprecates its column {@code legacy}
 * (backup table of (id, legacy) validated by checksum, then the rename) and rolls it back (checksum
 * re-check, rename back), then does the same for the whole table (row count and checksum before and
 * after). The anchor, on a pool of its own and interleaved with ours, is the bare
 * {@code ALTER TABLE ... RENAME} there and back. Prints, as medians with their min-max spread:
 * {@code deprecation_apply_ms_1m_rows_column} / {@code _table} (whole apply: plan re-check, backup,
 * rename, registry), {@code deprecation_backup_ms_1m_rows} (the column's backup and its validation),
 * {@code deprecation_rollback_ms_1m_rows_column} / {@code _table} (whole rollback),
 * {@code deprecation_rollback_db_ms_1m_rows_column} / {@code _table} (the renames back and the
 * bookkeeping, excluding the backup check: target under 1,000) and {@code deprecation_anchor_rename_ms}.
 * The backup tables each round creates are dropped by the suite (the library never drops them).
 */
public final class DeprecationSuite {

    private static final String SCHEMA = "bench_deprecation";
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private DeprecationSuite() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String url = env("SOFTDELETE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (HikariDataSource admin = pgPool(url, null, 4, "bench-deprecation")) {
            exec(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        }
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        try (HikariDataSource ds = pgPool(url, SCHEMA, 4, "bench-deprecation");
                HikariDataSource anchor = pgPool(url, SCHEMA, 4, "bench-deprecation-anchor")) {
            long start = System.nanoTime();
            exec(ds, "CREATE TABLE bench_dep (id BIGINT PRIMARY KEY, legacy VARCHAR(100), qty INTEGER, note TEXT)",
                    "INSERT INTO bench_dep SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE 'legacy ' || g END, g % 100,"
                            + " 'note ' || g FROM generate_series(1, " + rows + ") g",
                    "VACUUM ANALYZE bench_dep");
            System.err.printf(Locale.ROOT, "loaded %d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
            SettableClock clock = new SettableClock(NOW);
            SoftDelete sd = SoftDelete.builder(ds).clock(clock).instanceId("bench")
                    .statementTimeout(Duration.ofMinutes(10)).build();
            for (int round = 1; round <= rounds; round++) {
                for (DeprecationTarget target : List.of(DeprecationTarget.column("bench_dep", "legacy"),
                        DeprecationTarget.table("bench_dep"))) {
                    String kind = target.type().name().toLowerCase(Locale.ROOT);
                    // a rollback ends the watch: watch again, the quiet period ago
                    clock.set(NOW.minus(Duration.ofDays(15)));
                    sd.deprecations().watch("unused", target);
                    clock.set(NOW);
                    DeprecationPlan plan = sd.deprecations().plan(DeprecationRequest.of("unused", target));
                    check(plan.verdict() == Verdict.SAFE, "plan is SAFE: " + plan);
                    long t0 = System.nanoTime();
                    DeprecationResult applied = sd.deprecations().apply(plan, plan.token());
                    long applyNs = System.nanoTime() - t0;
                    t0 = System.nanoTime();
                    RollbackResult rolled = sd.deprecations().rollback(applied.runId());
                    long rollbackNs = System.nanoTime() - t0;
                    check(count(ds, "bench_dep") == rows, "rows kept");
                    add(figures, "deprecation_apply_ms_1m_rows_" + kind, applyNs / 1e6);
                    add(figures, "deprecation_rollback_ms_1m_rows_" + kind, rollbackNs / 1e6);
                    add(figures, "deprecation_rollback_db_ms_1m_rows_" + kind, rolled.renameDuration().toNanos() / 1e6);
                    add(figures, "deprecation_rollback_check_ms_1m_rows_" + kind, rolled.checkDuration().toNanos() / 1e6);
                    if (applied.elements().get(0).backupRef() != null) {
                        add(figures, "deprecation_backup_ms_1m_rows", applied.backupDuration().toNanos() / 1e6);
                        exec(ds, "DROP TABLE " + applied.elements().get(0).backupRef());
                    }
                    System.err.printf(Locale.ROOT, "round %d %s: apply %.0f ms (backup %.0f ms), rollback %.0f ms"
                            + " (check %.0f ms, renames %.0f ms)%n", round, kind, applyNs / 1e6,
                            applied.backupDuration().toNanos() / 1e6, rollbackNs / 1e6,
                            rolled.checkDuration().toNanos() / 1e6, rolled.renameDuration().toNanos() / 1e6);
                }
                long t0 = System.nanoTime();
                exec(anchor, "ALTER TABLE bench_dep RENAME COLUMN legacy TO legacy_x",
                        "ALTER TABLE bench_dep RENAME COLUMN legacy_x TO legacy");
                add(figures, "deprecation_anchor_rename_ms", (System.nanoTime() - t0) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "deprecation_rows=%d%n", rows);
        System.out.printf(Locale.ROOT, "deprecation_rounds=%d%n", rounds);
        figures.forEach((name, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            System.out.printf(Locale.ROOT, "%s=%.0f%n", name, median(values));
            System.out.printf(Locale.ROOT, "%s_spread=%.0f-%.0f%n", name, sorted.get(0), sorted.get(n - 1));
        });
        try (HikariDataSource admin = pgPool(url, null, 4, "bench-deprecation")) {
            exec(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static void add(Map<String, List<Double>> figures, String name, double value) {
        figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

}
