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
import java.util.List;
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
        assertThat(analyzer.mightMatch("SELECT id FROM orders")).isFalse();
        assertThat(analyzer.cached("SELECT id FROM orders")).isSameAs(Analysis.NOTHING);
        assertThat(analyzer.analyze("SELECT LEGACY_EMAIL FROM USERS").hits()).hasSize(1);
        assertThat(analyzer.analyses()).isEqualTo(1);
    }

    @Test
    void statementsDifferingOnlyInLiteralsShareOneAnalysisAndTheCacheIsBoundedInBytes() {
        SqlAnalyzer analyzer = new SqlAnalyzer(PG_SYNTAX, watch, AnalysisSettings.defaults().withMaxCacheBytes(20_000));
        Analysis first = analyzer.analyze("SELECT legacy_email FROM users");
        assertThat(analyzer.cached("SELECT legacy_email FROM users")).isNull(); // executed once: not cached yet
        assertThat(analyzer.analyze("SELECT legacy_email FROM users")).isSameAs(first); // the shape's analysis
        assertThat(analyzer.cached(new String("SELECT legacy_email FROM users"))).isSameAs(first);
        for (int i = 0; i < 500; i++) {
            analyzer.analyze("SELECT legacy_email FROM users WHERE id = " + i + " AND note = 'n" + i + "'");
        }
        assertThat(analyzer.analyses()).isEqualTo(2); // one per shape
        for (int i = 0; i < 2000; i++) {
            analyzer.mightMatch("SELECT note FROM orders WHERE id = " + i); // cached as nothing
        }
        assertThat(analyzer.cacheBytes()).isLessThanOrEqualTo(20_000);
        assertThat(analyzer.cacheEvictions()).isPositive();
        assertThat(analyzer.cacheHits()).isEqualTo(1);
        assertThat(analyzer.cacheMisses()).isEqualTo(1);
    }

    @Test
    void theQueryThreadFindsAKnownShapeButNeverParses() {
        SqlAnalyzer analyzer = new SqlAnalyzer(PG_SYNTAX, watch, AnalysisSettings.DEFAULTS);
        assertThat(analyzer.cachedShape("SELECT legacy_email FROM users WHERE id = 1")).isNull(); // new shape
        Analysis shape = analyzer.analyze("SELECT legacy_email FROM users WHERE id = 1");
        assertThat(analyzer.cachedShape("SELECT legacy_email FROM users WHERE id = 2 AND 'x' <> 'it''s'")).isNull();
        assertThat(analyzer.cachedShape("SELECT legacy_email FROM users WHERE id = 987654")).isSameAs(shape);
        assertThat(analyzer.cachedShape("SELECT legacy_email FROM users WHERE id = id")).isNull(); // a name, not a value
        String longValue = "x".repeat(SqlAnalyzer.INLINE_SHAPE_LENGTH);
        analyzer.analyze("SELECT legacy_email FROM users WHERE id = 1 AND note = '" + longValue + "'");
        assertThat(analyzer.cachedShape("SELECT legacy_email FROM users WHERE id = 1 AND note = '" + longValue + "'"))
                .as("over the inline length the query thread does no linear pass").isNull();
        assertThat(analyzer.analyses()).isEqualTo(2);
    }

    @Test
    void aMultiStatementStringIsAnalysedStatementByStatement() {
        SqlAnalyzer analyzer = new SqlAnalyzer(PG_SYNTAX, watch, AnalysisSettings.DEFAULTS);
        Analysis a = analyzer.analyze("SELECT 1; SELECT legacy_email FROM users; SELECT 'a;b' FROM products");
        assertThat(a.hits()).extracting(Hit::element).containsExactly(WatchedElement.column("users", "legacy_email"));
        assertThat(a.leaks()).extracting(Leak::table).containsExactly("products");
        assertThat(a.parsed()).isTrue();
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
