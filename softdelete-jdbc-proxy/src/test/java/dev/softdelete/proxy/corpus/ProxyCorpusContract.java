package dev.softdelete.proxy.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.catalog.Catalog;
import dev.softdelete.core.catalog.ColumnInfo;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.proxy.SoftDeleteProxy;
import dev.softdelete.proxy.analysis.AnalysisSettings;
import dev.softdelete.proxy.analysis.WatchedElement;
import dev.softdelete.proxy.internal.analysis.Analysis;
import dev.softdelete.proxy.internal.analysis.Hit;
import dev.softdelete.proxy.internal.analysis.Leak;
import dev.softdelete.proxy.internal.analysis.NameCase;
import dev.softdelete.proxy.internal.analysis.SqlAnalyzer;
import dev.softdelete.proxy.internal.analysis.WatchList;
import dev.softdelete.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the statement corpus on a real database: the analysis finds exactly the expected hits and
 * leaks, and every statement returns the same rows, update count or error with and without the
 * proxy (each statement runs in a transaction that is rolled back, so the data never changes).
 */
public abstract class ProxyCorpusContract extends DatabaseTest {

    private static final Pattern QUOTED = Pattern.compile("\\{q:([a-z_]+)}");
    private static final List<WatchedElement> WATCHED = List.of(WatchedElement.parse("users.legacy_email"),
            WatchedElement.parse("products.old_price"), WatchedElement.parse("legacy_orders"));
    private List<CorpusEntry> entries;

    @BeforeAll
    void createCatalogue() {
        CorpusSchema.create(db);
        String dialect = database().name().toLowerCase(Locale.ROOT);
        entries = Corpus.all().stream().filter(e -> e.appliesTo(dialect)).toList();
    }

    private String resolve(String sql) {
        String schema = db.schemaName();
        Matcher m = QUOTED.matcher(sql.replace("{schema}", schema));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(dialect().quote(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void analysisFindsTheExpectedHitsAndLeaks() {
        WatchList list = new WatchList(NameCase.of(dialect()), WATCHED, List.of(SoftDeletableTable.of("users"),
                SoftDeletableTable.of("products")));
        SqlAnalyzer analyzer = new SqlAnalyzer(dialect().syntax(), list, AnalysisSettings.DEFAULTS);
        List<String> mismatches = new ArrayList<>();
        for (CorpusEntry e : entries) {
            String sql = resolve(e.sql());
            Analysis a = analyzer.analyzeNow(sql);
            Map<String, String> hits = new TreeMap<>();
            for (Hit h : a.hits()) {
                hits.put(h.element().key(), h.confidence().name());
            }
            Set<String> leaks = a.leaks().stream().map(Leak::table).collect(Collectors.toCollection(TreeSet::new));
            if (!hits.equals(new TreeMap<>(e.hits())) || !leaks.equals(new TreeSet<>(e.leaks()))) {
                mismatches.add(sql + "\n    expected hits " + new TreeMap<>(e.hits()) + " leaks " + new TreeSet<>(e.leaks())
                        + "\n    actual   hits " + hits + " leaks " + leaks + " (parsed: " + a.parsed() + ")");
            }
        }
        assertThat(mismatches).as(mismatches.size() + " of " + entries.size() + " statements").isEmpty();
    }

    /**
     * The labelled shapes of {@code shapes.tsv} (whole-row reads and writes, multi-statement
     * strings, VARIADIC, DDL, COPY, marker ownership in subqueries, CTEs), analysed with the
     * catalog's columns as the proxy reads them: exactly the expected hits, and each leak once.
     */
    @Test
    void labelledShapes() {
        Catalog catalog = new Catalog(dataSource(), dialect());
        Map<String, Set<String>> columns = new TreeMap<>();
        for (String table : List.of("users", "products")) {
            catalog.find(table).ifPresent(t -> columns.put(table,
                    t.columns().stream().map(ColumnInfo::name).collect(Collectors.toSet())));
        }
        WatchList list = new WatchList(NameCase.of(dialect()), WATCHED, List.of(SoftDeletableTable.of("users"),
                SoftDeletableTable.of("products")), columns);
        String dialect = database().name().toLowerCase(Locale.ROOT);
        List<CorpusEntry> shapes = Corpus.read("shapes.tsv").stream().filter(e -> e.appliesTo(dialect)).toList();
        List<String> mismatches = new ArrayList<>();
        for (boolean strict : new boolean[] {false, true}) {
            SqlAnalyzer analyzer = new SqlAnalyzer(dialect().syntax(), list, AnalysisSettings.DEFAULTS, strict);
            for (CorpusEntry e : shapes) {
                String sql = resolve(e.sql());
                Analysis a = analyzer.analyze(sql);
                Map<String, String> hits = new TreeMap<>();
                for (Hit h : a.hits()) {
                    hits.put(h.element().key(), h.confidence().name());
                }
                List<String> leaks = a.leaks().stream().map(Leak::table).sorted().toList();
                // Strict mode reads what the parser cannot take conservatively: at least the expected elements.
                boolean hitsOk = !strict ? hits.equals(new TreeMap<>(e.hits()))
                        : a.parsed() ? hits.keySet().equals(e.hits().keySet()) : hits.keySet().containsAll(e.hits().keySet());
                if (!hitsOk || !leaks.equals(e.leaks().stream().sorted().toList())) {
                    mismatches.add((strict ? "strict: " : "") + sql + "\n    expected hits " + new TreeMap<>(e.hits())
                            + " leaks " + new TreeSet<>(e.leaks()) + "\n    actual   hits " + hits + " leaks " + leaks
                            + " (parsed: " + a.parsed() + ")");
                }
            }
        }
        assertThat(shapes).hasSizeGreaterThanOrEqualTo(100);
        assertThat(mismatches).as(mismatches.size() + " of " + shapes.size() + " statements").isEmpty();
    }

    @Test
    void everyStatementBehavesTheSameWithAndWithoutTheProxy() throws Exception {
        try (SoftDeleteProxy proxy = SoftDeleteProxy.builder(dataSource()).watch("users.legacy_email", "products.old_price",
                "legacy_orders").softDeletable("users", "deleted_at").softDeletable("products", "deleted_at")
                .alerts(alert -> { }).build()) {
            List<String> differences = new ArrayList<>();
            Set<String> expectedElements = new HashSet<>();
            int i = 0;
            for (CorpusEntry e : entries) {
                String sql = resolve(e.sql());
                boolean prepared = i++ % 2 == 0 && sql.indexOf('?') < 0;
                String raw = run(dataSource(), sql, prepared);
                String proxied = run(proxy, sql, prepared);
                if (!raw.equals(proxied)) {
                    differences.add(sql + "\n    raw:   " + raw + "\n    proxy: " + proxied);
                }
                expectedElements.addAll(e.hits().keySet());
            }
            assertThat(differences).isEmpty();
            assertThat(proxy.telemetryFailures()).isZero();
            assertThat(proxy.usage()).extracting(u -> u.element()).containsExactlyInAnyOrderElementsOf(expectedElements);
            assertThat(proxy.leaks()).extracting(l -> l.table()).contains("users", "products");
        }
    }

    /** A statement's outcome as text: sorted rows, the update count, or the error. */
    private static String run(DataSource ds, String sql, boolean prepared) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = prepared ? c.prepareStatement(sql) : c.createStatement()) {
                boolean isQuery = prepared ? ((java.sql.PreparedStatement) s).execute() : s.execute(sql);
                assertThat(s.getConnection()).isSameAs(c);
                return isQuery ? rows(s.getResultSet()) : "updated " + s.getUpdateCount();
            } catch (SQLException e) {
                return "error " + e.getClass().getName() + " " + e.getSQLState() + " " + e.getErrorCode() + " "
                        + e.getMessage();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static String rows(ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                row.append(rs.getString(i)).append('|');
            }
            rows.add(row.toString());
        }
        Collections.sort(rows);
        return rows.toString();
    }
}
