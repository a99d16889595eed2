package dev.softdelete.benchmarks.hibernate;

import static dev.softdelete.benchmarks.Stats.median;
import static dev.softdelete.benchmarks.BenchJdbc.env;
import static dev.softdelete.benchmarks.BenchJdbc.pgPool;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.hibernate.SoftDeleteSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * {@code benchmarks/run hibernate}: an application with softdelete-hibernate against the same
 * application without it, on PostgreSQL. Two separate session factories, each with its own pool:
 * <ul>
 * <li>ours: a {@code @SoftDeletable} entity ({@link BenchProduct}) and a plain entity ({@link BenchItem});</li>
 * <li>vanilla: Hibernate's native {@code @SoftDelete(strategy = TIMESTAMP)} entity ({@link NativeProduct}) and
 * the same plain entity, with {@code softdelete.integration.enabled=false} (the jar is on the class path,
 * as in a real application that switched it off).</li>
 * </ul>
 * Same settings otherwise (JDBC batch size 100), identical tables (100,000 products, half soft-deleted,
 * the same partial indexes). Work is interleaved in small chunks (ours, vanilla, vanilla, ours, ...) so
 * that load from other processes hits both sides alike; a round's ratio is the median of its chunk
 * pairs' ratios (see {@link Pairs}), and the whole comparison is repeated
 * {@value #REPETITIONS} times after one warm-up round. Prints {@code name=value} lines: each ratio's median,
 * its spread ({@code _min}, {@code _max}) and every run ({@code _runs}); progress goes to stderr.
 */
public final class HibernateSuite {

    private static final int ROWS = 100_000;
    private static final int CATEGORIES = 100;
    private static final int REPETITIONS = Integer.getInteger("bench.repetitions", 5);
    private static final int DELETES = 5_000;
    private static final int DELETE_CHUNK = 250;
    private static final int QUERIES = 400;
    private static final int QUERY_CHUNK = 20;
    private static final int FINDS = 16_000;
    private static final int FIND_CHUNK = 400;
    /** Phases to run ({@code -Dbench.phases=find,delete}; default all), for profiling one of them. */
    private static final Set<String> PHASES = Set.of(System.getProperty("bench.phases", "query,find,delete").split(","));

    public static void main(String[] args) throws Exception {
        String url = env("SOFTDELETE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("SOFTDELETE_PG_USER", "postgres");
        String password = env("SOFTDELETE_PG_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench_hibernate CASCADE");
            s.execute("CREATE SCHEMA bench_hibernate");
        }
        try (HikariDataSource oursDs = pgPool(url, "bench_hibernate", 4, "ours");
                HikariDataSource vanillaDs = pgPool(url, "bench_hibernate", 4, "vanilla")) {
            createTables(oursDs);
            SoftDelete core = SoftDelete.builder(oursDs).actorProvider(() -> "bench").build();
            try (SessionFactory ours = sessionFactory(oursDs, true, core, BenchProduct.class);
                    SessionFactory vanilla = sessionFactory(vanillaDs, false, null, NativeProduct.class)) {
                new HibernateSuite(oursDs, vanillaDs).run(ours, vanilla, HibernateSoftDelete.of(ours), vanillaDs);
            }
        }
    }

    private final Map<String, List<Double>> results = new TreeMap<>();
    private final HikariDataSource oursDs;
    private final HikariDataSource vanillaDs;

    private HibernateSuite(HikariDataSource oursDs, HikariDataSource vanillaDs) {
        this.oursDs = oursDs;
        this.vanillaDs = vanillaDs;
    }

    /**
     * Before each pair of chunks, both pools get new connections (opened here, not timed). On a
     * 2-core machine, how the scheduler places a session's PostgreSQL backend relative to the
     * benchmark thread changes its round-trip time by up to 2x, and a pool hands the same single
     * backend to every session of a round: without this, one side could keep a lucky backend for a
     * whole round (round ratios of 0.7 and 1.9 were seen with identical code paths).
     */
    private void freshConnections() {
        for (HikariDataSource ds : List.of(oursDs, vanillaDs)) {
            ds.getHikariPoolMXBean().softEvictConnections();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT 1 FROM products_sd, products_native, items LIMIT 1");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void run(SessionFactory ours, SessionFactory vanilla, HibernateSoftDelete softDelete,
            HikariDataSource vanillaDs) throws Exception {
        List<Long> deleteIds = LongStream.iterate(10_001, i -> i + 2).limit(DELETES).boxed().toList();
        for (int round = 0; round <= REPETITIONS; round++) {
            boolean warmUp = round == 0;
            Pairs query = new Pairs();
            Pairs plain = new Pairs();
            Pairs find = new Pairs();
            // A fresh backend parses each statement shape once with cold catalog caches (operators,
            // functions): a pooled connection of a real application has done that long before. Each
            // side's connections first remove one entity in a rolled-back transaction, not timed.
            Pairs delete = new Pairs(() -> warmRemove(ours, BenchProduct.class, 1),
                    () -> warmRemove(vanilla, NativeProduct.class, 1));
            // Each pair runs ours first in even chunks and vanilla first in odd ones: no side always
            // gets the warmer caches or the other side's garbage.
            for (int q = 0; PHASES.contains("query") && q < QUERIES; q += QUERY_CHUNK) {
                int first = q;
                boolean oursFirst = q / QUERY_CHUNK % 2 == 0;
                query.run(oursFirst, () -> queries(ours, BenchProduct.class, first),
                        () -> queries(vanilla, NativeProduct.class, first));
                plain.run(!oursFirst, () -> queries(ours, BenchItem.class, first),
                        () -> queries(vanilla, BenchItem.class, first));
            }
            for (int f = 0; PHASES.contains("find") && f < FINDS; f += FIND_CHUNK) {
                int first = f;
                find.run(f / FIND_CHUNK % 2 == 0, () -> finds(ours, BenchProduct.class, first),
                        () -> finds(vanilla, NativeProduct.class, first));
            }
            for (int from = 0; PHASES.contains("delete") && from < DELETES; from += DELETE_CHUNK) {
                List<Long> chunk = deleteIds.subList(from, from + DELETE_CHUNK);
                delete.run(from / DELETE_CHUNK % 2 == 0, () -> remove(ours, BenchProduct.class, chunk),
                        () -> remove(vanilla, NativeProduct.class, chunk));
            }
            long start = System.nanoTime();
            for (int from = 0; PHASES.contains("delete") && from < DELETES; from += 1_000) {
                softDelete.restoreAll(BenchProduct.class, deleteIds.subList(from, Math.min(DELETES, from + 1_000)));
            }
            long restore = System.nanoTime() - start;
            // Native @SoftDelete has no restore: undo the same rows with SQL, then vacuum both tables so that
            // both sides start every round in the same physical state (no dead tuples on one side only).
            try (Connection c = vanillaDs.getConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE products_native SET deleted_at = NULL WHERE id BETWEEN 10001 AND "
                        + deleteIds.get(deleteIds.size() - 1) + " AND id % 2 = 1 AND deleted_at IS NOT NULL");
                s.execute("VACUUM ANALYZE products_native");
                s.execute("VACUUM ANALYZE products_sd");
            }
            progress("%s: query %d/%d ms, plain %d/%d ms, find %d/%d ms, delete %d/%d ms (ours/vanilla), restore %d ms",
                    warmUp ? "warm-up" : "run " + round, ms(query.ours), ms(query.vanilla), ms(plain.ours),
                    ms(plain.vanilla), ms(find.ours), ms(find.vanilla), ms(delete.ours), ms(delete.vanilla), ms(restore));
            if (!warmUp) {
                record("hibernate_query_vs_native", query.ratio());
                record("hibernate_plain_query_tax", plain.ratio());
                record("hibernate_find_vs_native", find.ratio());
                record("hibernate_delete_vs_native", delete.ratio());
                record("hibernate_find_vs_native_of_totals", (double) find.ours / find.vanilla);
                record("hibernate_delete_vs_native_of_totals", (double) delete.ours / delete.vanilla);
                record("hibernate_restore_per_s", DELETES / (restore / 1e9));
            }
        }
        System.out.println("hibernate_rows=" + ROWS);
        System.out.println("hibernate_repetitions=" + REPETITIONS);
        results.forEach((name, values) -> {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            boolean rate = name.endsWith("_per_s");
            System.out.println(name + "=" + format(median(values), rate));
            System.out.println(name + "_min=" + format(sorted[0], rate));
            System.out.println(name + "_max=" + format(sorted[sorted.length - 1], rate));
            System.out.println(name + "_runs=" + String.join(",", values.stream().map(v -> format(v, rate)).toList()));
        });
    }

    /**
     * The chunks of one phase in one round, each run by both sides back to back (in the given
     * order). The round's ratio is the median of the chunks' ours/vanilla ratios: a chunk is a few
     * tens of milliseconds, so a stall of the machine or the database (a checkpoint, another
     * process) lands on one side of one pair and moves the median by at most one rank, where it
     * would move a ratio of totals by its whole length. The ratio of totals is printed too.
     */
    private final class Pairs {
        final List<Double> ratios = new ArrayList<>();
        final Runnable oursWarmUp;
        final Runnable vanillaWarmUp;
        long ours;
        long vanilla;

        Pairs() {
            this(() -> { }, () -> { });
        }

        /** Pairs whose fresh connections first run these (not timed). */
        Pairs(Runnable oursWarmUp, Runnable vanillaWarmUp) {
            this.oursWarmUp = oursWarmUp;
            this.vanillaWarmUp = vanillaWarmUp;
        }

        void run(boolean oursFirst, LongSupplier oursChunk, LongSupplier vanillaChunk) {
            freshConnections();
            oursWarmUp.run();
            vanillaWarmUp.run();
            long o;
            long v;
            if (oursFirst) {
                o = oursChunk.getAsLong();
                v = vanillaChunk.getAsLong();
            } else {
                v = vanillaChunk.getAsLong();
                o = oursChunk.getAsLong();
            }
            ours += o;
            vanilla += v;
            ratios.add((double) o / v);
        }

        double ratio() {
            return ratios.isEmpty() ? Double.NaN : median(ratios);
        }
    }

    private void record(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return;   // a phase not run (-Dbench.phases)
        }
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    /** HQL by category (about 500 active rows each), one session per query; returns nanoseconds. */
    private static long queries(SessionFactory sf, Class<?> type, int first) {
        String hql = "from " + type.getSimpleName() + " p where p.category = :c";
        long start = System.nanoTime();
        for (int i = first; i < first + QUERY_CHUNK; i++) {
            String category = "cat-" + (i % CATEGORIES);
            int rows = sf.fromSession(s -> s.createSelectionQuery(hql, type).setParameter("c", category)
                    .setReadOnly(true).getResultList().size());
            if (rows == 0) {
                throw new IllegalStateException("no " + type.getSimpleName() + " in " + category);
            }
        }
        return System.nanoTime() - start;
    }

    /** find() of active rows (odd ids below 10,000), twenty per session; returns nanoseconds. */
    private static long finds(SessionFactory sf, Class<?> type, int first) {
        long start = System.nanoTime();
        for (int i = first; i < first + FIND_CHUNK; i += 20) {
            int from = i;
            sf.inSession(s -> {
                for (int j = from; j < from + 20; j++) {
                    if (s.find(type, (long) (2 * (j % 4_999) + 1)) == null) {
                        throw new IllegalStateException("active " + type.getSimpleName() + " not found");
                    }
                }
            });
        }
        return System.nanoTime() - start;
    }

    /** Loads the entities by id and removes them in one transaction; returns nanoseconds. */
    private static long remove(SessionFactory sf, Class<?> type, List<Long> ids) {
        long start = System.nanoTime();
        sf.inTransaction(s -> {
            List<?> entities = s.createSelectionQuery("from " + type.getSimpleName() + " where id in :ids", type)
                    .setParameter("ids", ids).getResultList();
            if (entities.size() != ids.size()) {
                throw new IllegalStateException("Expected " + ids.size() + " active " + type.getSimpleName()
                        + " rows, found " + entities.size());
            }
            entities.forEach(s::remove);
        });
        return System.nanoTime() - start;
    }

    /** Removes the active entity {@code id} and rolls back: the statements run once, nothing changes. */
    private static void warmRemove(SessionFactory sf, Class<?> type, long id) {
        sf.inSession(s -> {
            s.getTransaction().begin();
            s.remove(s.find(type, id));
            s.flush();
            s.getTransaction().rollback();
        });
    }

    private static void createTables(HikariDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("products_sd", "products_native", "items")) {
                boolean softDeletable = !table.equals("items");
                s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, sku VARCHAR(40) NOT NULL,"
                        + " name VARCHAR(100) NOT NULL, category VARCHAR(20) NOT NULL, price BIGINT NOT NULL"
                        + (softDeletable ? ", deleted_at TIMESTAMP(6), deleted_by VARCHAR(100)" : "") + ")");
                // Odd ids active, even ids deleted: half of the rows (items: only the active half); each
                // category has 1,000 rows, 500 of them active.
                s.execute("INSERT INTO " + table + " SELECT g, 'SKU-' || g, 'Product ' || g, 'cat-' || ((g / 2) % "
                        + CATEGORIES + "), g % 1000"
                        + (softDeletable ? ", CASE WHEN g % 2 = 0 THEN TIMESTAMP '2026-01-01 00:00:00' END,"
                                + " CASE WHEN g % 2 = 0 THEN 'seed' END" : "")
                        + " FROM generate_series(1, " + ROWS + ") g" + (softDeletable ? "" : " WHERE g % 2 = 1"));
                String active = softDeletable ? " WHERE deleted_at IS NULL" : "";
                s.execute("CREATE UNIQUE INDEX uq_" + table + "_sku ON " + table + " (sku)" + active);
                s.execute("CREATE INDEX ix_" + table + "_category ON " + table + " (category)" + active);
                s.execute("ANALYZE " + table);
            }
        }
        progress("loaded %d products per table, half soft-deleted (items: the active half)", ROWS);
    }

    private static SessionFactory sessionFactory(HikariDataSource ds, boolean integration, SoftDelete core,
            Class<?> product) {
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 100)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(SoftDeleteSettings.INTEGRATION_ENABLED, integration);
        if (core != null) {
            builder.applySetting(SoftDeleteSettings.CORE, core);
        }
        return new MetadataSources(builder.build()).addAnnotatedClasses(product, BenchItem.class)
                .buildMetadata().buildSessionFactory();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static String format(double value, boolean rate) {
        return rate ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.3f", value);
    }

    private static void progress(String format, Object... args) {
        System.err.println("[hibernate] " + String.format(Locale.ROOT, format, args));
    }

}
