package dev.softdelete.proxy.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.dialect.H2Dialect;
import dev.softdelete.core.dialect.MariaDbDialect;
import dev.softdelete.core.dialect.PostgresDialect;
import dev.softdelete.core.dialect.SqlSyntax;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.proxy.analysis.AnalysisSettings;
import dev.softdelete.proxy.analysis.Confidence;
import dev.softdelete.proxy.analysis.WatchedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Cache, prefilter and name rules, without a database. */
class SqlAnalyzerTest {

    private static final PostgresDialect POSTGRES = new PostgresDialect("15");
    private static final SqlSyntax PG_SYNTAX = POSTGRES.syntax();
    private final WatchList watch = new WatchList(NameCase.of(POSTGRES), List.of(WatchedElement.parse("users.legacy_email")),
            List.of(SoftDeletableTable.of("products")));

    @Test
    void statementsThatCannotTouchAWatchedNameAreNeverParsed() {
        SqlAnalyzer analyzer = new SqlAnalyzer(PG_SYNTAX, watch, AnalysisSettings.DEFAULTS);
        assertThat(analyzer.lookup("SELECT id FROM orders").join()).isSameAs(Analysis.NOTHING);
        assertThat(analyzer.lookup("SELECT LEGACY_EMAIL FROM USERS").join().hits()).hasSize(1);
    }

    @Test
    void eachSqlStringIsAnalysedOnceAndTheCacheIsBounded() {
        SqlAnalyzer analyzer = new SqlAnalyzer(PG_SYNTAX, watch,
                new AnalysisSettings(50, AnalysisSettings.DEFAULTS.parseTimeout(), 100_000, 64));
        var first = analyzer.lookup("SELECT legacy_email FROM users");
        assertThat(analyzer.lookup(new String("SELECT legacy_email FROM users"))).isSameAs(first);
        for (int i = 0; i < 500; i++) {
            analyzer.lookup("SELECT legacy_email FROM users WHERE id = " + i);
        }
        assertThat(analyzer.cacheSize()).isLessThanOrEqualTo(51);
    }

    @Test
    void concurrentCallersShareOneAnalysis() throws Exception {
        SqlAnalyzer analyzer = new SqlAnalyzer(PG_SYNTAX, watch, AnalysisSettings.DEFAULTS);
        String sql = "SELECT u.legacy_email FROM users u WHERE u.id = 7";
        CyclicBarrier start = new CyclicBarrier(8);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Analysis>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return analyzer.lookup(new String(sql)).get();
                }));
            }
            for (var result : results) {
                assertThat(result.get().hits()).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(analyzer.analyses()).isEqualTo(1);
    }

    @Test
    void quotedNamesFollowTheDatabasesCaseRules() {
        assertThat(NameCase.of(POSTGRES).canonical("\"LEGACY_EMAIL\"")).isEqualTo("LEGACY_EMAIL");
        assertThat(NameCase.of(POSTGRES).canonical("LEGACY_EMAIL")).isEqualTo("legacy_email");
        assertThat(NameCase.of(new H2Dialect("2.3")).canonical("\"legacy_email\"")).isEqualTo("legacy_email");
        assertThat(NameCase.of(new H2Dialect("2.3")).canonical("legacy_email")).isEqualTo("LEGACY_EMAIL");
        assertThat(NameCase.of(new MariaDbDialect("10.11")).canonical("`LEGACY_Email`")).isEqualTo("legacy_email");
        SqlAnalyzer pg = new SqlAnalyzer(PG_SYNTAX, watch, AnalysisSettings.DEFAULTS);
        assertThat(pg.analyzeNow("SELECT \"LEGACY_EMAIL\" FROM users").hits()).isEmpty();
        assertThat(pg.analyzeNow("SELECT \"legacy_email\" FROM public.users").hits()).hasSize(1);
    }

    @Test
    void tokenScanIgnoresLiteralsCommentsAndDollarQuotes() {
        SqlAnalyzer pg = new SqlAnalyzer(PG_SYNTAX, watch, AnalysisSettings.DEFAULTS);
        assertThat(pg.lexical("SELECT 'legacy_email' FROM users -- legacy_email").hits()).isEmpty();
        assertThat(pg.lexical("SELECT $x$ legacy_email $x$ FROM users /* legacy_email */").hits()).isEmpty();
        assertThat(pg.lexical("SELECT legacy_email FROM users").hits())
                .containsExactly(new Hit(WatchedElement.column("users", "legacy_email"), Confidence.LEXICAL));
        assertThat(pg.lexical("SELECT name FROM products").leaks()).containsExactly(new Leak("products", Confidence.LEXICAL));
    }

    @Test
    void watchedNamesMustBePlainIdentifiers() {
        assertThatThrownBy(() -> WatchedElement.parse("users.legacy email"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a plain SQL identifier");
        assertThatThrownBy(() -> WatchedElement.parse("public.users.legacy_email"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one dot");
    }
}
