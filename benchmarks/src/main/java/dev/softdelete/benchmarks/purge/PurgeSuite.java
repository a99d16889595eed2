package dev.softdelete.benchmarks.purge;

import static dev.softdelete.benchmarks.Stats.median;
import static dev.softdelete.benchmarks.BenchJdbc.count;
import static dev.softdelete.benchmarks.BenchJdbc.exec;
import static dev.softdelete.benchmarks.BenchJdbc.env;
import static dev.softdelete.benchmarks.BenchJdbc.pgPool;
import static dev.softdelete.benchmarks.BenchJdbc.check;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.cleanup.CleanupJob;
import dev.softdelete.core.cleanup.CleanupSettings;
import dev.softdelete.core.cleanup.JobStatus;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.time.SettableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code benchmarks/run purge [rows] [batchSize] [rounds]}: on PostgreSQL, purges {@code rows} (default
 * 1,000,000) soft-deleted rows of {@code bench_items}, each with one soft-deleted child row in
 * {@code bench_parts} (FK indexed), through the cleanup queue and one worker; then recreates the
 * same data and deletes it with two plain set-based DELETEs (children, then parents) on a pool of its
 * own, the anchor; the rounds repeat (default 3). Prints {@code purge_vs_setbased} (median over the
 * rounds of set-based time / our time; target at least 0.5) with its spread (min-max), and
 * {@code purge_peak_heap_mb} (heap used while purging, sampled every 5 ms after a GC, highest round;
 * target under 64). Arguments: {@code [rows] [batchSize] [rounds]}.
 */
public final class PurgeSuite {

    private static final String SCHEMA = "bench_purge";
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private PurgeSuite() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String url = env("SOFTDELETE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (HikariDataSource admin = pgPool(url, null, 4, "bench-purge")) {
            exec(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
        }
        // The anchor (set-based DELETEs) has a pool of its own: it shares no configuration with ours.
        try (HikariDataSource ds = pgPool(url, SCHEMA, 4, "bench-purge");
                HikariDataSource anchor = pgPool(url, SCHEMA, 4, "bench-purge-anchor")) {
            SettableClock clock = new SettableClock(NOW);
            SoftDelete sd = SoftDelete.builder(ds).clock(clock).instanceId("bench").build();
            List<Double> ratios = new ArrayList<>();
            long peakMax = 0;
            // Each round loads fresh identical data for ours, then for the anchor: interleaved.
            for (int round = 1; round <= rounds; round++) {
                load(ds, rows);
                long[] peak = new long[1];
                long ours = measureHeap(peak, () -> {
                    sd.cleanup().queue().enqueue(RetentionPolicy.purge("bench_items").withBatchSize(batch));
                    sd.cleanup().newWorker(CleanupSettings.defaults()).run();
                });
                CleanupJob job = sd.cleanup().queue().list(1).get(0);
                check(job.status() == JobStatus.DONE && job.rowsProcessed() == 2L * rows, "purge job: " + job);
                check(count(ds, "bench_items") == rows / 10 && count(ds, "bench_parts") == rows / 10, "active rows kept");
                peakMax = Math.max(peakMax, peak[0]);

                load(anchor, rows);
                long start = System.nanoTime();
                exec(anchor, "DELETE FROM bench_parts WHERE deleted_at < TIMESTAMP '2026-05-02 00:00:00'",
                        "DELETE FROM bench_items WHERE deleted_at < TIMESTAMP '2026-05-02 00:00:00'");
                long setBased = System.nanoTime() - start;
                check(count(anchor, "bench_items") == rows / 10, "set-based kept the active rows");
                ratios.add((double) setBased / ours);
                System.err.printf(Locale.ROOT, "round %d: ours %.2f s, set-based %.2f s, %d expired parents + %d"
                        + " children, batch %d%n", round, ours / 1e9, setBased / 1e9, rows, rows, batch);
            }
            List<Double> sorted = ratios.stream().sorted().toList();
            int n = sorted.size();
            System.out.printf(Locale.ROOT, "purge_rows=%d%n", 2L * rows);
            System.out.printf(Locale.ROOT, "purge_rounds=%d%n", rounds);
            System.out.printf(Locale.ROOT, "purge_vs_setbased=%.2f%n", median(ratios));
            System.out.printf(Locale.ROOT, "purge_vs_setbased_spread=%.2f-%.2f%n", sorted.get(0), sorted.get(n - 1));
            System.out.printf(Locale.ROOT, "purge_peak_heap_mb=%d%n", peakMax / (1024 * 1024));
        }
        try (HikariDataSource admin = pgPool(url, null, 4, "bench-purge")) {
            exec(admin, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** {@code rows} expired parents and children, plus 10% active ones of each, generated server-side. */
    private static void load(HikariDataSource ds, int rows) throws SQLException {
        long start = System.nanoTime();
        exec(ds, "DROP TABLE IF EXISTS bench_parts", "DROP TABLE IF EXISTS bench_items",
                "CREATE TABLE bench_items (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, qty INTEGER,"
                        + " updated_at TIMESTAMP(6), deleted_at TIMESTAMP(6))",
                "CREATE TABLE bench_parts (id BIGINT PRIMARY KEY, item_id BIGINT NOT NULL REFERENCES bench_items (id),"
                        + " label VARCHAR(100), deleted_at TIMESTAMP(6))",
                "CREATE INDEX bench_parts_item_ix ON bench_parts (item_id)",
                "INSERT INTO bench_items SELECT g, 'item ' || g, g % 100, TIMESTAMP '2026-01-01 00:00:00',"
                        + " CASE WHEN g % 11 = 0 THEN NULL ELSE TIMESTAMP '2026-04-01 00:00:00' END"
                        + " FROM generate_series(1, " + (rows + rows / 10) + ") g",
                "INSERT INTO bench_parts SELECT g, g, 'part ' || g,"
                        + " CASE WHEN g % 11 = 0 THEN NULL ELSE TIMESTAMP '2026-04-01 00:00:00' END"
                        + " FROM generate_series(1, " + (rows + rows / 10) + ") g",
                "VACUUM ANALYZE bench_items", "VACUUM ANALYZE bench_parts");
        check(count(ds, "bench_items") - count(ds, "bench_items WHERE deleted_at IS NULL") == rows,
                "expected " + rows + " expired rows");
        System.err.printf(Locale.ROOT, "loaded %d + %d rows in %.1f s%n", rows + rows / 10, rows + rows / 10,
                (System.nanoTime() - start) / 1e9);
    }

    /** Runs {@code work} while sampling heap use; returns its duration in nanoseconds. */
    private static long measureHeap(long[] peak, ThrowingRunnable work) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong max = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        work.run();
        long elapsed = System.nanoTime() - start;
        running.set(false);
        sampler.join();
        peak[0] = max.get();
        return elapsed;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

}
