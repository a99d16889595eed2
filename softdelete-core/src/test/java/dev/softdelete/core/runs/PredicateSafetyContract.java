package dev.softdelete.core.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.ActorProvider;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.jdbc.DataAccessException;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.runs.rule.UnsafePredicateException;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Raw SQL predicates ({@link Rule#predicate}) are checked against an allowlist: every hostile
 * predicate of issue 10 is refused before anything reaches the database, ordinary predicates still
 * count what hand-written SQL counts, and a seeded generator of hostile predicates and actors finds
 * nothing that is accepted and then writes, reads the library's tables, sleeps or changes a
 * session setting of the pooled connection.
 */
public abstract class PredicateSafetyContract extends DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final String TABLE = "ps_item";

    /** The library's tables under the default prefix and under the empty prefix. */
    private SoftDelete prefixed;
    private SoftDelete unprefixed;

    @BeforeAll
    void createTables() {
        db.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, updated_at " + database().localTimestampType()
                        + " NOT NULL, status VARCHAR(40), price INT, parent_id BIGINT, owner_ref BIGINT, deleted_at "
                        + database().localTimestampType() + ", deleted_by VARCHAR(100))",
                "CREATE TABLE ps_other (id BIGINT PRIMARY KEY, item_id BIGINT)",
                "CREATE TABLE ps_log (n INT)");
        for (int i = 1; i <= 6; i++) {
            db.execute("INSERT INTO " + TABLE + " (id, updated_at, status, price) VALUES (" + i + ", TIMESTAMP '20"
                    + (18 + i) + "-01-01 00:00:00', " + (i % 3 == 0 ? "NULL" : i % 2 == 0 ? "'ACTIVE'" : "'inactive'")
                    + ", " + (i % 2 == 0 ? 0 : 10 * i) + ")");
        }
        db.execute("INSERT INTO ps_other (id, item_id) VALUES (1, 1)", "INSERT INTO ps_other (id, item_id) VALUES (2, 2)");
        database().writingFunction("ps_write", "ps_log").forEach(db::execute);
        prefixed = softDelete(b -> b.clock(new SettableClock(NOW)));
        unprefixed = softDelete(b -> b.clock(new SettableClock(NOW)).tablePrefix(""));
    }

    // ------------------------------------------------------------------------------ refused

    Stream<String> hostilePredicates() {
        return Stream.of(
                // quoted function names
                "\"pg_sleep\"(1) IS NULL", "price = 0 OR \"set_config\"('search_path', 'nowhere', false) IS NULL",
                "`sleep`(1) = 0", "\"SLEEP\"(1) = 0", "\"ps_write\"() = 1",
                // functions the old denylist did not know, and those it did
                "pg_sleep(1) IS NULL", "set_config('statement_timeout', '1', false) IS NOT NULL",
                "lo_from_bytea(0, 'x') > 0", "pg_try_advisory_lock(42)", "txid_current() > 0",
                "query_to_xml('select * from sd_migration_runs', true, true, '') IS NOT NULL",
                "table_to_xml('sd_audit_log', true, true, '') IS NOT NULL",
                "pg_read_file('/etc/hostname') IS NOT NULL", "pg_ls_dir('.') IS NOT NULL",
                "FILE_WRITE('x', '/tmp/softdelete_ps_file_write') > 0",
                "CSVWRITE('/tmp/softdelete_ps_csvwrite.csv', 'SELECT 1') > 0", "FILE_READ('/etc/hostname') IS NOT NULL",
                "master_gtid_wait('0-1-999999', 1) = 0", "sleep(1) = 0", "benchmark(1000000, md5('x')) = 0",
                "get_lock('ps', 1) = 1", "nextval('s') > 0", "version() IS NOT NULL",
                // user-defined functions, qualified names, casts, aggregates, JDBC escapes
                "ps_write() = 1", "PS_WRITE() = 1", "pg_catalog.pg_sleep(1) IS NULL", "pg_catalog.lower(status) = 'a'",
                "CAST(status AS INT) = 1", "status::regclass IS NULL", "price = {fn abs(1)}",
                "price IN (SELECT count(*) FROM ps_other)",
                // strings and comments that hide SQL
                "status = E'\\' OR pg_sleep(1) IS NULL --'", "status = '\\' OR sleep(1) = 0 -- '",
                "status = 'a\\'' OR ps_write() = 1 OR status = '",
                "status = '\\'' OR ps_write() = 1 -- '", "status = 'x\\' OR ps_write() = 1 OR status = 'y'", "status = 'a' -- ' OR ps_write() = 1",
                "status = 'a' /* */ OR price = 0", "status = 'a' # OR price = 0", "status = 'x' /*! OR ps_write() = 1 */",
                "status = $$a$$", "status = N'x'", "status = _utf8'x'", "status = U&'x'",
                "price = 0; DELETE FROM ps_item", "price = 0;", "DELETE FROM ps_item", "price = ?", "status = @v",
                // subqueries over the library's tables (default prefix) and unsafe subqueries
                "EXISTS (SELECT 1 FROM sd_migration_runs)", "id IN (SELECT id FROM SD_AUDIT_LOG)",
                "EXISTS (SELECT 1 FROM \"sd_cleanup_jobs\")", "EXISTS (SELECT 1 FROM `sd_run_items`)",
                "EXISTS (SELECT 1 FROM ps_other o WHERE EXISTS (SELECT 1 FROM sd_run_items r WHERE r.run_id = o.id))",
                "id IN (SELECT o.item_id FROM ps_other o JOIN sd_schema_version v ON 1 = 1)",
                "EXISTS (SELECT 1 FROM ps_other UNION SELECT 1 FROM sd_migration_runs)",
                "id IN (SELECT item_id FROM ps_other FOR UPDATE)", "EXISTS (SELECT pg_sleep(1) FROM ps_other)",
                "price = (SELECT max(price) FROM ps_item)", "EXISTS (SELECT 1 FROM no_such_table)",
                // columns that are not the target's
                "no_such_col = 1", "ps_item.price = 0", "x.price = 0", "price", "price = = 1");
    }

    @ParameterizedTest
    @MethodSource("hostilePredicates")
    void hostilePredicateIsRefusedBeforeReachingTheDatabase(String predicate) throws SQLException {
        Map<String, List<String>> before = snapshot(prefixed, dataSource());
        assertThatThrownBy(() -> prefixed.runs().preview(rules(predicate)))
                .isInstanceOf(UnsafePredicateException.class).hasMessageContaining("Refused predicate");
        assertThat(snapshot(prefixed, dataSource())).isEqualTo(before);
    }

    Stream<String> libraryTablesWithoutPrefix() {
        return Stream.of("EXISTS (SELECT 1 FROM migration_runs)", "id IN (SELECT id FROM AUDIT_LOG)",
                "EXISTS (SELECT 1 FROM ps_other o WHERE o.id IN (SELECT run_id FROM run_items))",
                "EXISTS (SELECT 1 FROM cleanup_jobs)", "EXISTS (SELECT 1 FROM schema_version)",
                "query_to_xml('select * from migration_runs', true, true, '') IS NOT NULL");
    }

    @ParameterizedTest
    @MethodSource("libraryTablesWithoutPrefix")
    void libraryTablesAreRefusedUnderAnEmptyPrefixToo(String predicate) throws SQLException {
        Map<String, List<String>> before = snapshot(unprefixed, dataSource());
        assertThatThrownBy(() -> unprefixed.runs().preview(rules(predicate)))
                .isInstanceOf(UnsafePredicateException.class).hasMessageContaining("Refused predicate");
        assertThat(snapshot(unprefixed, dataSource())).isEqualTo(before);
    }

    @Test
    void refusalNamesTheConstructAndWhatIsAllowed() {
        assertRefused("\"pg_sleep\"(1) IS NULL", "pg_sleep");
        assertRefused("`sleep`(1) = 0", "sleep");
        assertRefused("lo_from_bytea(0, 'x') > 0", "lo_from_bytea");
        assertRefused("price = ?", "placeholder");
        assertRefused("status = 'a' -- x", "comment");
        assertRefused("status = E'x'", "prefix E");
        assertRefused("status = E'\\' --'", "backslash");
        assertRefused("status = '\\' OR price = 0 --'", "backslash");
        assertRefused("status = 'a' OR `lower`(status) = 'a'", "quoted function");
        assertRefused("pg_catalog.lower(status) = 'a'", "qualified function");
        assertRefused("EXISTS (SELECT 1 FROM sd_migration_runs)", "library table");
        assertThatThrownBy(() -> unprefixed.runs().preview(rules("EXISTS (SELECT 1 FROM migration_runs)")))
                .hasMessageContaining("library table");
        assertRefused("ps_write() = 1", "lower");
    }

    private void assertRefused(String predicate, String mentioned) {
        assertThatThrownBy(() -> prefixed.runs().preview(rules(predicate))).as(predicate)
                .isInstanceOf(UnsafePredicateException.class).hasMessageContaining(mentioned);
    }

    // ------------------------------------------------------------------------------ accepted

    @Test
    void ordinaryPredicatesCountWhatHandWrittenSqlCounts() {
        List<String> ordinary = List.of(
                "price = 0 AND status <> 'X'", "(price = 0)", "lower(status) = 'active' AND price BETWEEN 0 AND 20",
                "t.price IN (0, 10) OR status IS NULL", "status NOT LIKE 'in%'", "status LIKE 'ACT%'",
                "EXISTS (SELECT 1 FROM ps_other o WHERE o.item_id = t.id)", "id IN (SELECT item_id FROM ps_other)",
                "id NOT IN (SELECT o.item_id FROM ps_other o WHERE o.item_id IS NOT NULL)",
                "NOT EXISTS (SELECT 1 FROM ps_other WHERE ps_other.item_id = t.id)",
                "coalesce(price, 0) + 1 > 5", "abs(price - 25) < 10 OR upper(status) = 'INACTIVE'",
                "updated_at < CURRENT_TIMESTAMP", "updated_at > TIMESTAMP '2021-06-01 00:00:00'",
                "updated_at < DATE '2022-01-01'", "CASE WHEN price = 10 THEN 1 ELSE 0 END = 1",
                "status = 'it''s; -- not a comment /* nor this */ ?'", "price * 2 >= 40 AND price % 3 = 0",
                "status IS NOT NULL AND NOT (price = 0)", "length(status) = 6", "trim(status) = 'ACTIVE'",
                "price <> 0 AND price != 30 OR id <= 2", "id > 5 OR id = 1");
        for (String predicate : ordinary) {
            long expected = db.queryLong("SELECT COUNT(*) FROM " + TABLE + " t WHERE t.deleted_at IS NULL AND ("
                    + predicate + ")");
            assertThat(prefixed.runs().preview(rules(predicate)).total()).as(predicate).isEqualTo(expected);
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM ps_log")).isZero();
    }

    /**
     * A write slipped into the preview's counting transaction (here by the test, through the
     * connection the preview uses) is refused where the database enforces read-only transactions,
     * and rolled back everywhere; the connection comes back writable.
     */
    @Test
    void previewCountsRunInAReadOnlyTransaction() throws SQLException {
        List<String> seen = new ArrayList<>();
        DataSource spying = spyOnCounts(dataSource(), seen);
        SoftDelete sd = SoftDelete.builder(spying).clock(new SettableClock(NOW)).build();
        Preview preview = sd.runs().preview(rules("price = 0"));
        assertThat(preview.total()).isEqualTo(3);
        assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("readOnly=true autoCommit=false write="
                + (dialect().enforcesReadOnlyTransactions() ? "refused" : "done")));
        assertThat(db.queryLong("SELECT COUNT(*) FROM ps_log WHERE n = 2")).as("rolled back").isZero();
        try (Connection c = spying.getConnection()) {
            assertThat(c.isReadOnly()).isFalse();
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    /** Before each COUNT statement, records the connection's state and tries a write on it. */
    private static DataSource spyOnCounts(DataSource real, List<String> seen) {
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") && a[0] instanceof String sql
                                        && sql.startsWith("SELECT COUNT")) {
                                    String write;
                                    java.sql.Savepoint savepoint = connection.setSavepoint();
                                    try (Statement s = connection.createStatement()) {
                                        s.executeUpdate("INSERT INTO ps_log (n) VALUES (2)");
                                        write = "done";
                                    } catch (SQLException e) {
                                        write = "refused";
                                        connection.rollback(savepoint); // PostgreSQL aborts the transaction otherwise
                                    }
                                    seen.add("readOnly=" + connection.isReadOnly() + " autoCommit="
                                            + connection.getAutoCommit() + " write=" + write);
                                }
                                return invoke(m, connection, a);
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    // ------------------------------------------------------------------------------ randomized

    /**
     * 300 predicates and actors from a small grammar that mixes allowed pieces with dangerous
     * functions (plain, quoted, back-quoted, upper-cased), library-table subqueries, comments,
     * escapes and separators. A predicate holding any dangerous piece must be refused; any other
     * must, when previewed on a one-connection pool, write nothing (the target, the probe and the
     * library's tables are unchanged but for the one PREVIEW record, whose operator is the actor
     * exactly), take less than a second and leave the connection's session settings as they were.
     */
    @Test
    void generatedHostilePredicatesAreRefusedOrHarmless() throws Exception {
        Random random = new Random(10_05L);
        int refused = 0;
        int accepted = 0;
        int failedInDatabase = 0;
        java.util.Set<String> databaseErrors = new java.util.LinkedHashSet<>();
        HikariDataSource pool = db.newPool(1);
        Map<String, SoftDelete> probes = new HashMap<>();
        {
            for (int i = 0; i < 300; i++) {
                boolean withPrefix = random.nextBoolean();
                String actor = ACTORS.get(random.nextInt(ACTORS.size()));
                SoftDelete sd = withPrefix ? prefixed : unprefixed;
                SoftDelete probe = probes.computeIfAbsent(withPrefix + actor, k -> pooled(pool, withPrefix, actor));
                Generator g = new Generator(random, withPrefix ? "sd_" : "");
                String predicate = g.condition(0) + g.trailer();
                String settings = settings(pool);
                Map<String, List<String>> before = snapshot(sd, pool);
                long started = System.nanoTime();
                try {
                    Preview preview = probe.runs().preview(rules(predicate));
                    accepted++;
                    assertThat(g.dangerous).as("accepted although dangerous: " + predicate).isEmpty();
                    assertThat(preview.total()).isBetween(0L, 6L);
                } catch (UnsafePredicateException e) {
                    refused++;
                } catch (DataAccessException e) {
                    failedInDatabase++;
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    if (databaseErrors.size() < 4) {
                        databaseErrors.add(String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
                    } // e.g. comparing text with a number on PostgreSQL: harmless if the checks hold
                    assertThat(g.dangerous).as("reached the database although dangerous: " + predicate).isEmpty();
                }
                // Not a performance bound: the generator's waiting functions wait 5 s, so a preview
                // that reached one would take at least that; a plain preview takes milliseconds.
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(millis).as("waited (a sleep or lock wait got through?): " + predicate).isLessThan(4_000);
                assertThat(settings(pool)).as("session settings after " + predicate).isEqualTo(settings);
                Map<String, List<String>> after = snapshot(sd, pool);
                String runs = sd.schema().name(LibraryTable.RUNS);
                List<String> newRuns = new ArrayList<>(after.get(runs));
                newRuns.removeAll(before.get(runs));
                assertThat(newRuns).as("runs recorded by " + predicate).hasSizeLessThanOrEqualTo(1)
                        .allSatisfy(r -> assertThat(r).contains("|" + actor + "|").contains("PREVIEW"));
                after.put(runs, before.get(runs));
                assertThat(after).as("tables after " + predicate).isEqualTo(before);
            }
        }
        System.out.printf("[%s] generated predicates: %d refused, %d accepted, %d failed in the database, e.g. %s%n",
                database(), refused, accepted, failedInDatabase, databaseErrors);
        assertThat(refused).isGreaterThan(50);
        assertThat(accepted).isGreaterThan(30);
    }

    private SoftDelete pooled(DataSource pool, boolean withPrefix, String actor) {
        return SoftDelete.builder(pool).clock(new SettableClock(NOW)).tablePrefix(withPrefix ? "sd_" : "")
                .actorProvider(ActorProvider.fixed(actor)).build();
    }

    private static final List<String> ACTORS = List.of("alice", "O'Brien", "\\' where id = ? + 1 --", "back\\slash",
            "'; DROP TABLE ps_item; --", "$$ $x$", "é✓ \"q\" `b`", "a/*b*/c", "x%_y");

    /** Builds one predicate; {@link #dangerous} lists what in it must make it refused. */
    private static final class Generator {
        private static final List<String> COLUMNS = List.of("price", "status", "id", "t.price", "t.status",
                "updated_at", "parent_id");
        private static final List<String> LITERALS = List.of("0", "10", "'ACTIVE'", "'inactive'", "NULL", "'it''s'",
                "'-- not a comment'", "'; not a separator'", "-1", "2.5");
        private static final List<String> SAFE_CALLS = List.of("lower(status)", "upper(status)", "abs(price)",
                "coalesce(price, 0)", "length(status)");
        private static final List<String> DANGER = List.of("pg_sleep(5)", "sleep(5)",
                "set_config('search_path', 'nowhere', false)", "set_config('statement_timeout', '1', false)",
                "lo_from_bytea(0, 'x')", "pg_try_advisory_lock(7)", "txid_current()",
                "query_to_xml('select * from %smigration_runs', true, true, '')", "pg_read_file('/etc/hostname')",
                "pg_ls_dir('.')", "FILE_WRITE('x', '/tmp/softdelete_fuzz')",
                "CSVWRITE('/tmp/softdelete_fuzz.csv', 'SELECT 1')", "FILE_READ('/etc/hostname')",
                "master_gtid_wait('0-1-999999', 5)", "benchmark(100000000, md5('x'))", "get_lock('fuzz', 5)",
                "ps_write()", "nextval('fuzz')", "pg_advisory_lock(9)", "database()", "current_setting('search_path')");
        private static final List<String> LIBRARY = List.of("migration_runs", "run_items", "audit_log", "cleanup_jobs",
                "schema_version", "deprecations");
        private static final List<String> TRAILERS = List.of(" -- x", " /* x */", "; DELETE FROM ps_item", " # x",
                " OR status = E'\\' OR ps_write() = 1 --'", " OR status = '\\' OR ps_write() = 1 -- '",
                "/*! OR ps_write() = 1 */", " OR status = '\\'' OR ps_write() = 1 -- '", " OR price = ?", " OR status = $$x$$");

        final Random random;
        final String prefix;
        final List<String> dangerous = new ArrayList<>();

        Generator(Random random, String prefix) {
            this.random = random;
            this.prefix = prefix;
        }

        String condition(int depth) {
            int choice = random.nextInt(depth >= 2 ? 6 : 10);
            return switch (choice) {
                case 0, 1 -> atom() + " " + pick(List.of("=", "<>", "<", ">=", "!=")) + " " + atom();
                case 2 -> atom() + pick(List.of(" IS NULL", " IS NOT NULL"));
                case 3 -> atom() + pick(List.of(" IN (", " NOT IN (")) + atom() + ", " + atom() + ")";
                case 4 -> atom() + " BETWEEN " + atom() + " AND " + atom();
                case 5 -> "status" + pick(List.of(" LIKE ", " NOT LIKE ")) + pick(List.of("'A%'", "'%e'", "'x_'"));
                case 6 -> subquery(depth);
                case 7 -> "NOT (" + condition(depth + 1) + ")";
                case 8 -> "(" + condition(depth + 1) + ") AND (" + condition(depth + 1) + ")";
                default -> condition(depth + 1) + " OR " + condition(depth + 1);
            };
        }

        String subquery(int depth) {
            boolean library = random.nextInt(3) == 0;
            String table;
            if (library) {
                String name = prefix + pick(LIBRARY);
                table = switch (random.nextInt(4)) {
                    case 0 -> name.toUpperCase(java.util.Locale.ROOT);
                    case 1 -> "\"" + name + "\"";
                    default -> name;
                };
                dangerous.add("library table " + table);
            } else {
                table = "ps_other";
            }
            String where = random.nextBoolean() ? "" : " AND " + condition(depth + 1);
            return random.nextBoolean()
                    ? "EXISTS (SELECT 1 FROM " + table + " o WHERE o.id = t.id" + where + ")"
                    : "id IN (SELECT o.id FROM " + table + " o WHERE 1 = 1" + where + ")";
        }

        String atom() {
            int choice = random.nextInt(10);
            if (choice < 4) {
                return pick(COLUMNS);
            } else if (choice < 7) {
                return pick(LITERALS);
            } else if (choice < 8) {
                return pick(SAFE_CALLS);
            }
            String call = String.format(pick(DANGER), prefix);
            String name = call.substring(0, call.indexOf('('));
            String written = switch (random.nextInt(4)) {
                case 0 -> "\"" + name + "\"" + call.substring(name.length());
                case 1 -> "`" + name + "`" + call.substring(name.length());
                case 2 -> call.toUpperCase(java.util.Locale.ROOT);
                default -> call;
            };
            dangerous.add("function " + written);
            return written;
        }

        String trailer() {
            if (random.nextInt(4) != 0) {
                return "";
            }
            String trailer = pick(TRAILERS);
            dangerous.add("trick " + trailer);
            return trailer;
        }

        private String pick(List<String> options) {
            return options.get(random.nextInt(options.size()));
        }
    }

    // ------------------------------------------------------------------------------ helpers

    private static RuleSet rules(String predicate) {
        return RuleSet.on(TABLE).rule(Rule.predicate(predicate)).build();
    }

    private String settings(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(database().sessionSettingsQuery())) {
            rs.next();
            return rs.getString(1) + "|readOnly=" + c.isReadOnly() + "|autoCommit=" + c.getAutoCommit();
        }
    }

    /** Every row of the target, the probe tables and the library's tables of {@code sd}, as text. */
    private Map<String, List<String>> snapshot(SoftDelete sd, DataSource source) throws SQLException {
        List<String> tables = new ArrayList<>(List.of(TABLE, "ps_other", "ps_log"));
        for (LibraryTable t : LibraryTable.values()) {
            tables.add(sd.schema().name(t));
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                List<String> list = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder("|");
                        for (int col = 1; col <= meta.getColumnCount(); col++) {
                            row.append(rs.getString(col)).append('|');
                        }
                        list.add(row.toString());
                    }
                }
                list.sort(null);
                rows.put(table, list);
            }
        }
        return rows;
    }
}
