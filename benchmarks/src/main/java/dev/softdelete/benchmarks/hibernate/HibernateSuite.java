package dev.softdelete.benchmarks.hibernate;

import com.zaxxer.hikari.HikariConfig;
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
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * {@code benchmarks/run hibernate}: softdelete-hibernate against Hibernate's native
 * {@code @SoftDelete(strategy = TIMESTAMP)} on PostgreSQL, same session factory, same JDBC batch
 * size, identical tables (100,000 products, half soft-deleted, the same partial index). Work is
 * interleaved in chunks (ours, native, ours, ...) so that load from other processes hits both sides
 * alike. Prints {@code name=value} lines; progress goes to stderr.
 */
public final class HibernateSuite {

    private static final int ROWS = 100_000;
    private static final int OPERATIONS = 10_000;
    private static final int CHUNK = 1_000;
    private static final int QUERIES = 300;
    private static final int CATEGORIES = 100;

    private HibernateSuite() {
    }

    public static void main(String[] args) throws Exception {
        String url = env("SOFTDELETE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("SOFTDELETE_PG_USER", "postgres");
        String password = env("SOFTDELETE_PG_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench_hibernate CASCADE");
            s.execute("CREATE SCHEMA bench_hibernate");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=bench_hibernate");
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            createTables(ds);
            SoftDelete core = SoftDelete.builder(ds).actorProvider(() -> "bench").build();
            try (SessionFactory sf = sessionFactory(ds, core)) {
                run(sf, HibernateSoftDelete.of(sf));
            }
        }
    }

    private static void run(SessionFactory sf, HibernateSoftDelete softDelete) {
        // Warm-up: JIT, statement caches and both tables' pages.
        measureRemove(sf, BenchProduct.class, ids(1, 2000, 2, 500));
        measureRemove(sf, NativeProduct.class, ids(1, 2000, 2, 500));
        measureQueries(sf, BenchProduct.class, 100);
        measureQueries(sf, NativeProduct.class, 100);

        long oursDelete = 0;
        long nativeDelete = 0;
        List<Long> deleted = new ArrayList<>();
        for (int chunk = 0; chunk < OPERATIONS / CHUNK; chunk++) {
            List<Long> chunkIds = ids(10_001 + chunk * 2L * CHUNK, 0, 2, CHUNK);
            oursDelete += measureRemove(sf, BenchProduct.class, chunkIds);
            nativeDelete += measureRemove(sf, NativeProduct.class, chunkIds);
            deleted.addAll(chunkIds);
        }
        progress("remove() of %d entities: ours %d ms, native %d ms", OPERATIONS, oursDelete / 1_000_000,
                nativeDelete / 1_000_000);

        long oursQuery = 0;
        long nativeQuery = 0;
        for (int round = 0; round < 3; round++) {
            oursQuery += measureQueries(sf, BenchProduct.class, QUERIES / 3);
            nativeQuery += measureQueries(sf, NativeProduct.class, QUERIES / 3);
        }
        progress("%d active-row queries by category: ours %d ms, native %d ms", QUERIES, oursQuery / 1_000_000,
                nativeQuery / 1_000_000);

        long start = System.nanoTime();
        for (int from = 0; from < deleted.size(); from += CHUNK) {
            softDelete.restoreAll(BenchProduct.class, deleted.subList(from, Math.min(deleted.size(), from + CHUNK)));
        }
        long restore = System.nanoTime() - start;
        progress("restore of %d rows (unique-key checked, %d per transaction): %d ms", deleted.size(), CHUNK,
                restore / 1_000_000);

        System.out.println("hibernate_rows=" + ROWS);
        System.out.println("hibernate_delete_ours_ms=" + oursDelete / 1_000_000);
        System.out.println("hibernate_delete_native_ms=" + nativeDelete / 1_000_000);
        System.out.println("hibernate_delete_vs_native=" + ratio(oursDelete, nativeDelete));
        System.out.println("hibernate_query_ours_ms=" + oursQuery / 1_000_000);
        System.out.println("hibernate_query_native_ms=" + nativeQuery / 1_000_000);
        System.out.println("hibernate_query_vs_native=" + ratio(oursQuery, nativeQuery));
        System.out.println("hibernate_restore_per_s=" + Math.round(deleted.size() / (restore / 1e9)));
    }

    /** Loads the entities by id and removes them in one transaction; returns nanoseconds. */
    private static long measureRemove(SessionFactory sf, Class<?> type, List<Long> ids) {
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

    /** Runs active-row queries by category (about 500 rows each); returns nanoseconds. */
    private static long measureQueries(SessionFactory sf, Class<?> type, int count) {
        String hql = "from " + type.getSimpleName() + " p where p.category = :c";
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String category = "cat-" + (i % CATEGORIES);
            sf.inSession(s -> s.createSelectionQuery(hql, type).setParameter("c", category).setReadOnly(true)
                    .getResultList());
        }
        return System.nanoTime() - start;
    }

    private static List<Long> ids(long first, long unused, long step, int count) {
        return LongStream.iterate(first, i -> i + step).limit(count).boxed().toList();
    }

    private static void createTables(HikariDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("products_sd", "products_native")) {
                s.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, sku VARCHAR(40) NOT NULL,"
                        + " name VARCHAR(100) NOT NULL, category VARCHAR(20) NOT NULL, price BIGINT NOT NULL,"
                        + " deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))");
                // Odd ids active, even ids deleted: half of the rows.
                s.execute("INSERT INTO " + table + " SELECT g, 'SKU-' || g, 'Product ' || g, 'cat-' || (g % "
                        + CATEGORIES + "), g % 1000, CASE WHEN g % 2 = 0 THEN TIMESTAMP '2026-01-01 00:00:00' END,"
                        + " CASE WHEN g % 2 = 0 THEN 'seed' END FROM generate_series(1, " + ROWS + ") g");
                s.execute("CREATE UNIQUE INDEX uq_" + table + "_sku ON " + table + " (sku) WHERE deleted_at IS NULL");
                s.execute("CREATE INDEX ix_" + table + "_category ON " + table + " (category) WHERE deleted_at IS NULL");
                s.execute("ANALYZE " + table);
            }
        }
        progress("loaded %d products per table, half soft-deleted", ROWS);
    }

    private static SessionFactory sessionFactory(HikariDataSource ds, SoftDelete core) {
        Consumer<StandardServiceRegistryBuilder> sameSettingsForBoth = b -> b
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 100)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none");
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
                .applySetting(SoftDeleteSettings.CORE, core);
        sameSettingsForBoth.accept(builder);
        return new MetadataSources(builder.build()).addAnnotatedClasses(BenchProduct.class, NativeProduct.class)
                .buildMetadata().buildSessionFactory();
    }

    private static String ratio(long ours, long reference) {
        return String.format(Locale.ROOT, "%.3f", (double) ours / reference);
    }

    private static void progress(String format, Object... args) {
        System.err.println("[hibernate] " + String.format(Locale.ROOT, format, args));
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
