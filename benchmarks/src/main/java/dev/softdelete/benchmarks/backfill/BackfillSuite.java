package dev.softdelete.benchmarks.backfill;

import static dev.softdelete.benchmarks.Stats.median;
import static dev.softdelete.benchmarks.BenchJdbc.count;
import static dev.softdelete.benchmarks.BenchJdbc.exec;
import static dev.softdelete.benchmarks.BenchJdbc.env;
import static dev.softdelete.benchmarks.BenchJdbc.pgPool;
import static dev.softdelete.benchmarks.BenchJdbc.check;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.cleanup.CleanupSettings;
import dev.softdelete.core.migration.BackfillOptions;
import dev.softdelete.core.migration.BackfillProgress;
import dev.softdelete.core.migration.FieldMigration;
import dev.softdelete.core.migration.FieldMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code benchmarks/run backfill [rows] [rounds] [writesPerSecond]}: on PostgreSQL, a field migration
 * {@code bench_users.full_name -> display_name} of {@code rows} rows (default 2,000,000), backfilled
 * at the default {@link BackfillOptions} by one cleanup worker, against the anchor: one set-based
 * {@code UPDATE bench_users SET display_name = full_name} on an identical table, on a pool of its
 * own. Meanwhile a writer (its own pool) updates the old column of random rows at
 * {@code writesPerSecond} (default 200), timing each write; it also runs for the same time with the
 * dual-write triggers installed and no backfill, and on the anchor's table during its UPDATE (so both
 * sides have the same concurrent load). Rounds (default 3) interleave ours and the anchor.
 * Prints {@code backfill_vs_setbased} (median of set-based time / ours; target at least 0.7) with
 * its spread, and {@code backfill_p99_write_latency_ms} during the backfill next to
 * {@code backfill_p99_write_latency_idle_ms} without and {@code backfill_p99_write_latency_setbased_ms}
 * during the set-based UPDATE (medians over rounds, with spreads).
 */
public final class BackfillSuite {

    private static final String SCHEMA = "bench_backfill";

    private BackfillSuite() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int writesPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String url = env("SOFTDELETE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (HikariDataSource admin = pgPool(url, null, 4, "bench-admin")) {
            exec(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        }
        List<Double> ratios = new ArrayList<>();
        List<Double> p99Busy = new ArrayList<>();
        List<Double> p99Idle = new ArrayList<>();
        List<Double> p99SetBased = new ArrayList<>();
        List<Double> maxBusy = new ArrayList<>();
        List<Double> maxSetBased = new ArrayList<>();
        // Ours, the anchor and the writer each have a pool of their own.
        try (HikariDataSource ds = pgPool(url, SCHEMA, 4, "bench-ours");
                HikariDataSource anchor = pgPool(url, SCHEMA, 4, "bench-anchor");
                HikariDataSource writers = pgPool(url, SCHEMA, 4, "bench-writer")) {
            SoftDelete sd = SoftDelete.builder(ds).instanceId("bench").build();
            FieldMigrations fm = sd.fieldMigrations();
            for (int round = 1; round <= rounds; round++) {
                load(ds, "bench_users", rows);
                String name = "bench round " + round;
                fm.expand(FieldMigration.rename("bench_users", "full_name", "display_name").withName(name));
                fm.startDualWrite(name);

                long idleNanos = 5_000_000_000L;
                Writer idle = new Writer(writers, "bench_users", rows, writesPerSecond);
                idle.start();
                Thread.sleep(idleNanos / 1_000_000);
                idle.finish();

                Writer busy = new Writer(writers, "bench_users", rows, writesPerSecond);
                busy.start();
                long start = System.nanoTime();
                fm.startBackfill(name);
                sd.cleanup().newWorker(CleanupSettings.defaults()).run();
                long ours = System.nanoTime() - start;
                busy.finish();
                BackfillProgress progress = fm.progress(name);
                check(progress.complete(), "backfill complete: " + progress);
                check(fm.verify(name).passed(), "verify passed");
                exec(ds, "DROP TABLE bench_users");

                load(anchor, "bench_anchor", rows);
                exec(anchor, "ALTER TABLE bench_anchor ADD COLUMN display_name VARCHAR(100)");
                Writer blocked = new Writer(writers, "bench_anchor", rows, writesPerSecond);
                blocked.start();
                long anchorStart = System.nanoTime();
                exec(anchor, "UPDATE bench_anchor SET display_name = full_name");
                long setBased = System.nanoTime() - anchorStart;
                blocked.finish();
                // the anchor has no dual write: a name the writer gave a row after the UPDATE
                // passed it (a row whose name was NULL) stays without a display name; not a miss
                check(count(anchor, "bench_anchor WHERE display_name IS NULL AND full_name IS NOT NULL"
                        + " AND full_name NOT LIKE 'written %'") == 0, "set-based filled every row");
                exec(anchor, "DROP TABLE bench_anchor");

                ratios.add((double) setBased / ours);
                p99Busy.add(busy.p99Millis());
                p99Idle.add(idle.p99Millis());
                p99SetBased.add(blocked.p99Millis());
                maxBusy.add(busy.maxMillis());
                maxSetBased.add(blocked.maxMillis());
                System.err.printf(Locale.ROOT, "round %d: ours %.2f s (%d rows, %d batches), set-based %.2f s;"
                        + " writer p99 %.2f ms during backfill (%d writes), %.2f ms idle (%d writes), %.2f ms during"
                        + " the set-based update (%d writes, max %.0f ms)%n", round, ours / 1e9, progress.rowsDone(),
                        progress.batches(), setBased / 1e9, busy.p99Millis(), busy.count(), idle.p99Millis(),
                        idle.count(), blocked.p99Millis(), blocked.count(), blocked.maxMillis());
            }
        }
        try (HikariDataSource admin = pgPool(url, null, 4, "bench-admin")) {
            exec(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        System.out.printf(Locale.ROOT, "backfill_rows=%d%n", rows);
        System.out.printf(Locale.ROOT, "backfill_rounds=%d%n", rounds);
        print("backfill_vs_setbased", ratios);
        print("backfill_p99_write_latency_ms", p99Busy);
        print("backfill_p99_write_latency_idle_ms", p99Idle);
        print("backfill_p99_write_latency_setbased_ms", p99SetBased);
        print("backfill_max_write_latency_ms", maxBusy);
        print("backfill_max_write_latency_setbased_ms", maxSetBased);
    }

    private static void print(String name, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        System.out.printf(Locale.ROOT, "%s=%.2f%n", name, median(values));
        System.out.printf(Locale.ROOT, "%s_spread=%.2f-%.2f%n", name, sorted.get(0), sorted.get(n - 1));
    }

    /** A writer updating the old column of random rows at a fixed rate, one autocommit UPDATE each, timed. */
    private static final class Writer extends Thread {
        private final HikariDataSource ds;
        private final int rows;
        private final long intervalNanos;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        private volatile Exception failure;

        private final String table;

        Writer(HikariDataSource ds, String table, int rows, int perSecond) {
            this.ds = ds;
            this.table = table;
            this.rows = rows;
            this.intervalNanos = 1_000_000_000L / perSecond;
            setDaemon(true);
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE " + table + " SET full_name = ? WHERE id = ?")) {
                int i = 0;
                while (!stop.get()) {
                    long id = 1 + ThreadLocalRandom.current().nextInt(rows);
                    s.setString(1, "written " + i++);
                    s.setLong(2, id);
                    long start = System.nanoTime();
                    s.executeUpdate();
                    latencies.add(System.nanoTime() - start);
                    next += intervalNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        void finish() throws Exception {
            stop.set(true);
            join();
            if (failure != null) {
                throw failure;
            }
        }

        int count() {
            return latencies.size();
        }

        double maxMillis() {
            return latencies.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
        }

        double p99Millis() {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1))
                    / 1e6;
        }
    }

    /** {@code rows} users, every tenth name NULL, generated server-side. */
    private static void load(HikariDataSource ds, String table, int rows) throws SQLException {
        long start = System.nanoTime();
        exec(ds, "DROP TABLE IF EXISTS " + table,
                "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, full_name VARCHAR(100), email VARCHAR(100),"
                        + " created_at TIMESTAMP(6))",
                "INSERT INTO " + table + " SELECT g, CASE WHEN g % 10 = 0 THEN NULL ELSE 'user name ' || g END,"
                        + " 'u' || g || '@example.com', TIMESTAMP '2026-01-01 00:00:00' FROM generate_series(1, " + rows
                        + ") g",
                "VACUUM ANALYZE " + table);
        System.err.printf(Locale.ROOT, "loaded %d rows into %s in %.1f s%n", rows, table, (System.nanoTime() - start) / 1e9);
    }

}
