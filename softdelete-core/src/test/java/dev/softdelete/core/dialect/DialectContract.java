package dev.softdelete.core.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.catalog.Catalog;
import dev.softdelete.core.catalog.ForeignKeyInfo;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.catalog.UnknownTableException;
import dev.softdelete.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What each dialect claims, checked against the real database. */
public abstract class DialectContract extends DatabaseTest {

    /** Which kind detection must report. */
    protected abstract DatabaseKind expectedKind();

    @BeforeAll
    void createTables() {
        db.execute("CREATE TABLE parents (id BIGINT PRIMARY KEY, code VARCHAR(40) NOT NULL, CONSTRAINT parents_code_uk UNIQUE (code))",
                "CREATE TABLE children (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL,"
                        + " CONSTRAINT children_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id))",
                "CREATE TABLE victim (id INT PRIMARY KEY)");
    }

    @Test
    void nullSafeInequalityAndOnlineDdlForFieldMigrations() {
        Dialect d = dialect();
        for (Object[] c : new Object[][] {{"NULL", "NULL", 0}, {"1", "NULL", 1}, {"NULL", "1", 1}, {"1", "1", 0},
            {"1", "2", 1}}) {
            assertThat(db.queryLong("SELECT CASE WHEN " + d.isDistinctFrom("CAST(" + c[0] + " AS INT)", "CAST(" + c[1]
                    + " AS INT)") + " THEN 1 ELSE 0 END")).as("%s vs %s", c[0], c[1]).isEqualTo(((Integer) c[2]).longValue());
        }
        db.execute("CREATE TABLE fm_ddl (id BIGINT PRIMARY KEY)");
        Identifier table = d.identifier("fm_ddl");
        Identifier column = d.identifier("added");
        db.execute(d.addColumnIfNotExists(table, column, "VARCHAR(20)"), d.addColumnIfNotExists(table, column,
                "VARCHAR(20)"));
        Identifier index = d.identifier("fm_ddl_added_ix");
        db.execute(d.createIndexOnline(table, index, column), d.createIndexOnline(table, index, column));
        db.execute(d.dropIndexOnline(table, index), d.dropIndexOnline(table, index));
        db.execute("INSERT INTO fm_ddl (id) VALUES (1)");
        assertThat(db.queryLong("SELECT COUNT(*) FROM fm_ddl WHERE added IS NULL")).as("nullable, no default").isEqualTo(1);
    }

    @Test
    void detectsTheDatabase() {
        assertThat(dialect().kind()).isEqualTo(expectedKind());
        assertThat(dialect().version()).isNotBlank();
    }

    @Test
    void rejectsIdentifiersThatAreNotPlainWithMessagesNamingThem() {
        Dialect d = dialect();
        assertThatThrownBy(() -> d.identifier("x; drop table y"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("'x; drop table y'").hasMessageContaining("not a plain SQL identifier");
        assertThatThrownBy(() -> d.identifier("a\"b"))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("'a\"b'");
        assertThatThrownBy(() -> d.identifier(""))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> d.identifier(null))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("empty");
        String tooLong = "t".repeat(d.maxIdentifierLength() + 1);
        assertThatThrownBy(() -> d.identifier(tooLong))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("at most " + d.maxIdentifierLength());
        assertThat(d.identifier("t".repeat(d.maxIdentifierLength())).name()).hasSize(d.maxIdentifierLength());
    }

    @Test
    void anUnsafeNameReachesNoSqlAndChangesNothing() {
        Catalog catalog = new Catalog(dataSource(), dialect());
        assertThatThrownBy(() -> catalog.find("victim; drop table victim"))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> dialect().renameTable(Identifier.of("victim"), Identifier.of("x; drop table victim")))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThat(catalog.exists("victim")).isTrue();
    }

    @Test
    void quotedIdentifiersOnlyThroughTheExplicitApi() {
        assertThat(Identifier.quoted("Weird Name").isQuoted()).isTrue();
        assertThatThrownBy(() -> Identifier.quoted("a\"b")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("quote");
        assertThatThrownBy(() -> Identifier.quoted("a`b")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> Identifier.quoted("a\u0000b")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void quotingMakesReservedWordsUsable() throws Exception {
        String table = dialect().quote("order");
        String column = dialect().quote("select");
        db.execute("CREATE TABLE " + table + " (" + column + " INT)", "INSERT INTO " + table + " VALUES (1)");
        assertThat(db.queryLong("SELECT " + column + " FROM " + table)).isEqualTo(1);
        assertThat(new Catalog(dataSource(), dialect()).exists("order")).isTrue();
    }

    @Test
    void renamesTablesColumnsAndIndexes() {
        Dialect d = dialect();
        db.execute("CREATE TABLE ren_a (id INT PRIMARY KEY, old_col INT)", "CREATE INDEX ren_a_ix ON ren_a (old_col)");
        db.execute(d.renameColumn(Identifier.of("ren_a"), Identifier.of("old_col"), Identifier.of("new_col")));
        db.execute(d.renameIndex(Identifier.of("ren_a"), Identifier.of("ren_a_ix"), Identifier.of("ren_a_ix2")));
        db.execute(d.renameTable(Identifier.of("ren_a"), Identifier.of("ren_b")));
        Catalog catalog = new Catalog(dataSource(), d);
        assertThat(catalog.exists("ren_a")).isFalse();
        TableInfo renamed = catalog.require("ren_b");
        assertThat(renamed.hasColumn("new_col")).isTrue();
        assertThat(renamed.hasColumn("old_col")).isFalse();
        assertThat(db.queryLong("SELECT COUNT(*) FROM ren_b WHERE new_col IS NULL")).isZero();
    }

    @Test
    void renamesConstraintsOrRefusesClearly() {
        Dialect d = dialect();
        db.execute("CREATE TABLE ren_c (id INT PRIMARY KEY, v INT, CONSTRAINT ren_c_v_uk UNIQUE (v))");
        Identifier table = Identifier.of("ren_c");
        if (!database().canRenameConstraints()) {
            assertThatThrownBy(() -> d.renameConstraint(table, Identifier.of("ren_c_v_uk"), Identifier.of("x")))
                    .isInstanceOf(UnsupportedDatabaseException.class).hasMessageContaining("ren_c_v_uk");
            return;
        }
        db.execute(d.renameConstraint(table, Identifier.of("ren_c_v_uk"), Identifier.of("ren_c_v_uk2")));
        assertThat(db.queryLong("SELECT COUNT(*) FROM information_schema.table_constraints"
                + " WHERE LOWER(constraint_name) = 'ren_c_v_uk2'")).isEqualTo(1);
    }

    @Test
    void partialIndexSupportIsWhatTheDialectSays() {
        String sql = "CREATE UNIQUE INDEX parents_active_ix ON parents (code) WHERE code <> 'x'";
        if (dialect().supportsPartialIndex()) {
            db.execute(sql);
        } else {
            assertThatThrownBy(() -> db.execute(sql)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void skipLockedSkipsRowsLockedByAnotherTransaction() throws Exception {
        assertThat(dialect().supportsSkipLocked()).isTrue();
        db.execute("CREATE TABLE jobs (id INT PRIMARY KEY, state VARCHAR(10))",
                "INSERT INTO jobs VALUES (1, 'new')", "INSERT INTO jobs VALUES (2, 'new')");
        String claim = "SELECT id FROM jobs WHERE state = 'new' ORDER BY id" + dialect().forUpdateSkipLocked();
        var pool = db.newPool(2);
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            List<Integer> a = ids(first, claim);
            List<Integer> b = ids(second, claim);
            assertThat(a).containsExactly(1, 2);
            assertThat(b).as("rows locked by the first transaction are skipped").isEmpty();
            first.rollback();
            assertThat(ids(second, claim)).containsExactly(1, 2);
            second.rollback();
        }
    }

    @Test
    void instantsRoundTripExactlyWhateverTheJvmZone() throws Exception {
        // Surefire runs tests in America/Sao_Paulo: a zone conversion bug would shift by hours.
        Instant instant = Instant.parse("2026-07-01T12:34:56.123456Z");
        db.execute("CREATE TABLE times (id INT PRIMARY KEY, plain_ts " + database().localTimestampType() + ", lib_ts " + dialect().timestampType() + ")");
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO times VALUES (1, ?, ?)")) {
            dialect().setInstant(ps, 1, instant, false);
            dialect().setInstant(ps, 2, instant);
            ps.executeUpdate();
        }
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT plain_ts, lib_ts FROM times")) {
            rs.next();
            assertThat(dialect().getInstant(rs, "plain_ts", false)).isEqualTo(instant);
            assertThat(dialect().getInstant(rs, "lib_ts")).isEqualTo(instant);
        }
        // The plain column holds the UTC wall-clock time, readable by any SQL client.
        assertThat(db.queryLong("SELECT COUNT(*) FROM times WHERE plain_ts = '2026-07-01 12:34:56.123456'"))
                .isEqualTo(1);
    }

    @Test
    void instantParametersWriteWhatSetInstantWrites() throws Exception {
        boolean zoned = dialect().libraryTimestampsHaveZone();   // the zoned columns are of timestampType()
        db.execute("CREATE TABLE marks (id INT PRIMARY KEY, plain_a " + database().localTimestampType() + ", plain_b "
                + database().localTimestampType() + ", zoned_a " + dialect().timestampType() + ", zoned_b "
                + dialect().timestampType() + ")");
        List<Instant> instants = List.of(Instant.parse("2026-07-01T12:34:56.123456Z"),
                Instant.parse("2026-07-01T12:34:56.123456499Z"), Instant.parse("2026-07-01T12:34:56.1234565Z"),
                Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("1700-03-01T00:00:00.000001Z"), Instant.parse("2250-12-31T23:59:59.999999Z"));
        String insert = "INSERT INTO marks VALUES (?, " + dialect().instantParameter(false) + ", ?, "
                + dialect().instantParameter(zoned) + ", ?)";
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
            for (int i = 0; i < instants.size(); i++) {
                writeBothWays(ps, i, instants.get(i), zoned);
            }
            writeBothWays(ps, 99, null, zoned);
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM marks WHERE plain_a = plain_b AND zoned_a = zoned_b"))
                .as("every instant written alike both ways, to the microsecond").isEqualTo(instants.size());
        assertThat(db.queryLong("SELECT COUNT(*) FROM marks WHERE plain_a IS NULL AND zoned_a IS NULL")).isEqualTo(1);
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT plain_a, zoned_a FROM marks WHERE id = 5")) {
            rs.next();
            assertThat(dialect().getInstant(rs, "plain_a", false)).isEqualTo(instants.get(5));
            assertThat(dialect().getInstant(rs, "zoned_a", zoned)).isEqualTo(instants.get(5));
        }
        // Far from 1970: written exactly or refused, never a few microseconds off.
        Instant far = Instant.parse("2400-01-01T00:00:00.000001Z");
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
            writeBothWays(ps, 100, far, zoned);
            assertThat(db.queryLong("SELECT COUNT(*) FROM marks WHERE id = 100 AND plain_a = plain_b"
                    + " AND zoned_a = zoned_b")).isEqualTo(1);
        } catch (InstantOutOfRangeException refused) {
            assertThat(refused).hasMessageContaining(far.toString());
        }
    }

    @Test
    void inUtcRunsTheWorkInUtcAndPutsTheSessionZoneBack() throws Exception {
        AbstractDialect d = (AbstractDialect) dialect();
        try (Connection c = dataSource().getConnection()) {
            d.setSessionTimeZone(c, "+03:00");
            String before = d.sessionTimeZone(c);
            assertThat(before).as("a session not in UTC to begin with").isNotNull().isNotIn("UTC", "+00:00", "Z");
            String during = d.inUtc(c, () -> d.sessionTimeZone(c));
            assertThat(during).isIn("UTC", "+00:00", "Z");
            assertThat(d.sessionTimeZone(c)).isEqualTo(before);
            assertThatThrownBy(() -> d.inUtc(c, () -> {
                throw new java.sql.SQLException("work failed");
            })).hasMessage("work failed");
            assertThat(d.sessionTimeZone(c)).as("put back after a failure too").isEqualTo(before);
        }
    }

    /** Row {@code id} of marks: {@code _a} columns through instantParameter, {@code _b} through setInstant. */
    private void writeBothWays(PreparedStatement ps, int id, Instant instant, boolean zoned) throws Exception {
        ps.setInt(1, id);
        dialect().bindInstantParameter(ps, 2, instant, false);
        dialect().setInstant(ps, 3, instant, false);
        dialect().bindInstantParameter(ps, 4, instant, zoned);
        dialect().setInstant(ps, 5, instant, zoned);
        ps.executeUpdate();
    }

    @Test
    void catalogReadsKeysAndUniqueConstraints() {
        Catalog catalog = new Catalog(dataSource(), dialect());
        TableInfo parents = catalog.require("parents");
        assertThat(parents.primaryKey()).map(String::toLowerCase).containsExactly("id");
        assertThat(parents.uniqueKeys()).anyMatch(k -> !k.primaryKey()
                && k.columns().stream().map(String::toLowerCase).toList().equals(List.of("code")));
        assertThat(parents.exportedKeys()).extracting(ForeignKeyInfo::childTable).map(String::toLowerCase)
                .containsExactly("children");
        TableInfo children = catalog.require("children");
        ForeignKeyInfo fk = children.importedKeys().get(0);
        assertThat(fk.parentTable()).isEqualToIgnoringCase("parents");
        assertThat(fk.childColumns()).map(String::toLowerCase).containsExactly("parent_id");
        assertThat(children.column("PARENT_ID")).isPresent();
        assertThatThrownBy(() -> catalog.require("no_such_table")).isInstanceOf(UnknownTableException.class)
                .hasMessageContaining("no_such_table");
        assertThatThrownBy(() -> catalog.requireColumn(children, "nope")).isInstanceOf(UnknownTableException.class)
                .hasMessageContaining("'nope'");
    }

    @Test
    void namedLockIsExclusiveAcrossConnections() throws Exception {
        var pool = db.newPool(2);
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread other = new Thread(() -> {
            try (Connection c = pool.getConnection()) {
                dialect().withNamedLock(c, "contract_lock", Duration.ofSeconds(20), () -> order.add("second"));
            } catch (Exception e) {
                order.add("error " + e);
            }
        });
        try (Connection holder = pool.getConnection()) {
            dialect().withNamedLock(holder, "contract_lock", Duration.ofSeconds(20), () -> {
                other.start();
                try {
                    other.join(700); // must still be waiting: we hold the lock
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return order.add("first done");
            });
        }
        other.join(20_000);
        assertThat(order).containsExactly("first done", "second");
    }

    private static List<Integer> ids(Connection c, String sql) throws Exception {
        List<Integer> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }
}
