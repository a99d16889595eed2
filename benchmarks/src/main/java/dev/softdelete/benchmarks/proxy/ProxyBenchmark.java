package dev.softdelete.benchmarks.proxy;

import static dev.softdelete.benchmarks.BenchJdbc.env;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.proxy.SoftDeleteProxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One mixed unit of work (four point selects, a join, a batch of ten inserts, an update and a
 * cleanup delete, in one transaction) through the raw pool, through {@link SoftDeleteProxy} with
 * 20 watched identifiers and a soft-deletable table, and through datasource-proxy with a no-op
 * listener. HikariCP sits under all three, so pooling costs the same.
 *
 * <p>The three run interleaved in one JVM: each invocation sends one unit of work through the
 * next data source in turn and adds its time to that data source's counter ({@link Timings},
 * reported by JMH per iteration). Load from other processes on a shared machine then slows the
 * three alike, instead of whichever happened to run during a busy minute.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProxyBenchmark {

    static final String SCHEMA = "bench_proxy";
    static final String[] MODES = {"raw", "softdelete", "datasource_proxy"};
    private static final int USERS = 10_000;

    @Param({"h2", "postgresql"})
    public String database;

    private HikariDataSource pool;
    /** The pools the two proxies wrap: the raw anchor shares no pool with them. */
    private HikariDataSource oursPool;
    private HikariDataSource theirsPool;
    private DataSource[] dataSources;
    private SoftDeleteProxy proxy;
    private long op;

    /** Time and units of work per data source, per iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Timings {
        public long rawNanos;
        public long softdeleteNanos;
        public long datasource_proxyNanos;
        public long rawOps;
        public long softdeleteOps;
        public long datasource_proxyOps;

        @Setup(Level.Iteration)
        public void reset() {
            rawNanos = 0;
            softdeleteNanos = 0;
            datasource_proxyNanos = 0;
            rawOps = 0;
            softdeleteOps = 0;
            datasource_proxyOps = 0;
        }

        void add(int mode, long nanos) {
            switch (mode) {
                case 0 -> { rawNanos += nanos; rawOps++; }
                case 1 -> { softdeleteNanos += nanos; softdeleteOps++; }
                default -> { datasource_proxyNanos += nanos; datasource_proxyOps++; }
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        pool = pool(database);
        createData(pool, database);
        oursPool = pool(database);
        theirsPool = pool(database);
        proxy = SoftDeleteProxy.builder(oursPool)
                .watch(ProxySuite.WATCHED.toArray(String[]::new))
                .softDeletable("bench_users", "deleted_at")
                .alerts(alert -> { })
                .build();
        DataSource datasourceProxy = ProxyDataSourceBuilder.create(theirsPool).listener(new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            }

            @Override
            public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            }
        }).build();
        dataSources = new DataSource[] {pool, proxy, datasourceProxy};
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (!proxy.usage().isEmpty() || !proxy.leaks().isEmpty() || proxy.telemetryFailures() > 0) {
            throw new IllegalStateException("The workload should touch nothing watched: " + proxy.usage() + " "
                    + proxy.leaks() + " failures " + proxy.telemetryFailures());
        }
        proxy.close();
        pool.close();
        oursPool.close();
        theirsPool.close();
    }

    @Benchmark
    public void interleaved(Timings timings, Blackhole bh) throws SQLException {
        long n = op++;
        int mode = (int) (n % 3);
        long start = System.nanoTime();
        mixedWorkload(dataSources[mode], n / 3, bh);
        timings.add(mode, System.nanoTime() - start);
    }

    /** The unit of work; {@code n} picks the rows, the same sequence for each data source. */
    static void mixedWorkload(DataSource dataSource, long n, Blackhole bh) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT u.id, u.email, u.name FROM bench_users u WHERE u.id = ? AND u.deleted_at IS NULL")) {
                for (int i = 0; i < 4; i++) {
                    ps.setLong(1, 1 + (n * 4 + i) % USERS);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            bh.consume(rs.getString(2));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT u.name, o.amount FROM bench_users u"
                    + " JOIN bench_orders o ON o.user_id = u.id WHERE u.id = ? AND u.deleted_at IS NULL")) {
                ps.setLong(1, 1 + n % 1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bh.consume(rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO bench_events (batch_id, seq, payload) VALUES (?, ?, ?)")) {
                for (int i = 0; i < 10; i++) {
                    ps.setLong(1, n);
                    ps.setInt(2, i);
                    ps.setString(3, "event");
                    ps.addBatch();
                }
                bh.consume(ps.executeBatch());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE bench_orders SET amount = amount + 1 WHERE id = ?")) {
                ps.setLong(1, 1 + n % 1000);
                bh.consume(ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bench_events WHERE batch_id = ?")) {
                ps.setLong(1, n);
                bh.consume(ps.executeUpdate());
            }
            c.commit();
        }
    }

    private static HikariDataSource pool(String database) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(4);
        config.setPoolName("bench-" + database);
        if (database.equals("h2")) {
            config.setJdbcUrl("jdbc:h2:mem:bench_proxy;DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
        } else {
            String url = env("SOFTDELETE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
            config.setUsername(env("SOFTDELETE_PG_USER", "postgres"));
            config.setPassword(env("SOFTDELETE_PG_PASSWORD", ""));
        }
        return new HikariDataSource(config);
    }

    static void createData(DataSource ds, String database) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            if (database.equals("postgresql")) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                s.execute("CREATE SCHEMA " + SCHEMA);
                s.execute("SET search_path TO " + SCHEMA);
            } else {
                s.execute("DROP ALL OBJECTS");
            }
            s.execute("CREATE TABLE bench_users (id BIGINT PRIMARY KEY, email VARCHAR(200), name VARCHAR(200),"
                    + " legacy_email VARCHAR(200), deleted_at TIMESTAMP)");
            s.execute("CREATE TABLE bench_orders (id BIGINT PRIMARY KEY, user_id BIGINT, amount BIGINT)");
            s.execute("CREATE TABLE bench_events (batch_id BIGINT, seq INT, payload VARCHAR(100))");
            s.execute("CREATE INDEX bench_events_batch ON bench_events (batch_id)");
            s.execute("INSERT INTO bench_users (id, email, name) SELECT x, 'u' || x || '@example.com', 'user ' || x FROM "
                    + (database.equals("h2") ? "SYSTEM_RANGE(1, " + USERS + ")" : "generate_series(1, " + USERS + ") x"));
            s.execute("INSERT INTO bench_orders (id, user_id, amount) SELECT x, x, 10 FROM "
                    + (database.equals("h2") ? "SYSTEM_RANGE(1, 1000)" : "generate_series(1, 1000) x"));
            if (database.equals("postgresql")) {
                s.execute("ANALYZE");
            }
        }
    }

}
