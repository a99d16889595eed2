package dev.softdelete.benchmarks.proxy;

import static dev.softdelete.benchmarks.BenchJdbc.env;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.benchmarks.BenchJdbc;
import dev.softdelete.proxy.SoftDeleteProxy;
import dev.softdelete.proxy.telemetry.UsageRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * The unique-SQL workload of issue 12 on PostgreSQL: every statement is a new string (literals
 * inlined, as legacy code and reporting tools write them) naming a watched column, so none is in
 * the proxy's cache and every one is a hit. Each thread sends statements through the raw pool,
 * {@link SoftDeleteProxy} and datasource-proxy in turn (statement by statement, in a rotating
 * order, so load from other processes and position effects hit all three alike) and records each statement's latency under its data
 * source. One round = {@code perThread} statements per data source per thread; the figures per
 * round are: time ratio ours / raw, p99 added (ours minus raw, microseconds), and whether every
 * hit executed through the proxy was recorded (after waiting for the analysis threads).
 */
final class UniqueSqlWorkload {

    /** One round's figures. */
    record Round(double overhead, double versusDatasourceProxy, double p99AddedMicros, double p50AddedMicros,
            long hitsExecuted, long hitsRecorded, long dropped) {
    }

    private static final AtomicLong UNIQUE = new AtomicLong();

    private UniqueSqlWorkload() {
    }

    /**
     * One pool per contender: the raw anchor shares no pool, connection or setting with the data
     * sources the proxies wrap, so no contender warms or drains another's connections.
     */
    record Pools(HikariDataSource raw, HikariDataSource ours, HikariDataSource theirs) implements AutoCloseable {
        @Override
        public void close() {
            raw.close();
            ours.close();
            theirs.close();
        }
    }

    /** Three pools of {@code threads} connections each on the benchmark's PostgreSQL schema. */
    static Pools pools(int threads) {
        return new Pools(pool(threads, "raw"), pool(threads, "softdelete"), pool(threads, "datasource-proxy"));
    }

    static Round round(Pools pools, int threads, int perThread) throws Exception {
        SoftDeleteProxy proxy = SoftDeleteProxy.builder(pools.ours()).watch(ProxySuite.WATCHED.toArray(String[]::new))
                .softDeletable("bench_users", "deleted_at").alerts(alert -> { }).build();
        DataSource datasourceProxy = ProxyDataSourceBuilder.create(pools.theirs()).build();
        DataSource[] sources = {pools.raw(), proxy, datasourceProxy};
        long[][][] latencies = new long[threads][3][perThread];
        List<Throwable> errors = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread w = new Thread(() -> {
                try {
                    Connection[] connections = new Connection[3];
                    Statement[] statements = new Statement[3];
                    for (int m = 0; m < 3; m++) {
                        connections[m] = sources[m].getConnection();
                        statements[m] = connections[m].createStatement();
                    }
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        if (i > 0 && i % CHUNK == 0) {
                            reconnect(pools, sources, connections, statements);
                        }
                        for (int k = 0; k < 3; k++) {
                            int m = (k + i) % 3; // rotate the order, so no data source always goes first
                            long u = UNIQUE.incrementAndGet();
                            String sql = "SELECT u.id, u.legacy_email FROM bench_users u WHERE u.id = " + (1 + u % 10_000)
                                    + " AND u.deleted_at IS NULL AND u.email <> 'n" + u + "'";
                            long t0 = System.nanoTime();
                            try (ResultSet rs = statements[m].executeQuery(sql)) {
                                while (rs.next()) {
                                    rs.getLong(1);
                                }
                            }
                            latencies[thread][m][i] = System.nanoTime() - t0;
                        }
                    }
                    for (int m = 0; m < 3; m++) {
                        statements[m].close();
                        connections[m].close();
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            }, "unique-sql-" + t);
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("unique-SQL workload failed", errors.get(0));
        }
        long executed = (long) threads * perThread;
        long recorded = proxy.usage().stream().filter(u -> u.element().equals("bench_users.legacy_email"))
                .mapToLong(UsageRecord::accessCount).sum();
        long dropped = proxy.evidenceDropped();
        proxy.close();
        double[] total = new double[3];
        long[][] all = new long[3][];
        for (int m = 0; m < 3; m++) {
            all[m] = new long[threads * perThread];
            for (int t = 0; t < threads; t++) {
                System.arraycopy(latencies[t][m], 0, all[m], t * perThread, perThread);
            }
            total[m] = Arrays.stream(all[m]).sum();
            Arrays.sort(all[m]);
        }
        return new Round(total[1] / total[0], total[1] / total[2],
                (percentile(all[1], 0.99) - percentile(all[0], 0.99)) / 1000.0,
                (percentile(all[1], 0.50) - percentile(all[0], 0.50)) / 1000.0, executed, recorded, dropped);
    }

    /**
     * Every {@value #CHUNK} statements each thread takes new connections of all three data sources
     * (not timed). On a 2-core machine where the scheduler puts a connection's PostgreSQL backend
     * relative to the client thread changes its round trip by up to 2x (seen in the Hibernate
     * suite), and a thread kept one backend per data source for a whole round: one contender could
     * keep a lucky or unlucky backend for the round.
     */
    static final int CHUNK = 250;

    private static void reconnect(Pools pools, DataSource[] sources, Connection[] connections, Statement[] statements)
            throws java.sql.SQLException {
        for (int m = 0; m < 3; m++) {
            statements[m].close();
            connections[m].close();
        }
        for (HikariDataSource pool : List.of(pools.raw(), pools.ours(), pools.theirs())) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        for (int m = 0; m < 3; m++) {
            connections[m] = sources[m].getConnection();
            statements[m] = connections[m].createStatement();
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** A pool of {@code size} connections on the benchmark's PostgreSQL schema. */
    static HikariDataSource pool(int size, String name) {
        return BenchJdbc.pgPool(env("SOFTDELETE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"), ProxyBenchmark.SCHEMA,
                size, "bench-unique-sql-" + name);
    }

}
