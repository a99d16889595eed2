package dev.softdelete.proxy.internal.analysis;

import dev.softdelete.core.dialect.SqlSyntax;
import dev.softdelete.proxy.analysis.AnalysisSettings;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses SQL strings once each. {@link #lookup(String)} is what the query thread calls: a cache
 * hit is a map lookup; a miss runs the cheap prefilter and, only when the SQL might name something
 * watched, schedules the parse on the shared parser threads and caches the pending result, so
 * concurrent callers share one parse and no SQL string is parsed twice. Failures are cached too:
 * a statement the parser rejects (or that runs past the parse time limit, is too long or too
 * deeply nested) gets the {@link LexicalScanner} result instead.
 *
 * <p>The cache is bounded: past {@code maxEntries} an arbitrary tenth is dropped (cheap, and a
 * dropped entry only costs one more analysis). Statements longer than 16 K characters are keyed
 * by length and a 64-bit hash rather than kept in memory.
 */
public final class SqlAnalyzer {

    private static final Logger log = LoggerFactory.getLogger(SqlAnalyzer.class);
    private static final CompletableFuture<Analysis> NOTHING = CompletableFuture.completedFuture(Analysis.NOTHING);
    private static final int LONG_SQL = 16_384;

    /** JSqlParser's dialect for each {@link SqlSyntax#grammar()}; an unknown grammar parses as standard SQL. */
    private static final Map<String, AbstractJSqlParser.Dialect> PARSER_DIALECTS = Map.of(
            "h2", AbstractJSqlParser.Dialect.H2,
            "postgresql", AbstractJSqlParser.Dialect.POSTGRESQL,
            "mariadb", AbstractJSqlParser.Dialect.MARIADB);

    private final SqlSyntax syntax;
    private final AnalysisSettings settings;
    private final LexicalScanner lexical;
    private final AstAnalyzer ast = new AstAnalyzer();
    private final AtomicLong analyses = new AtomicLong();
    private volatile WatchList watch;
    private volatile ConcurrentHashMap<String, CompletableFuture<Analysis>> cache = new ConcurrentHashMap<>();

    /** An analyzer for statements written in {@code syntax}, matching what {@code watch} holds. */
    public SqlAnalyzer(SqlSyntax syntax, WatchList watch, AnalysisSettings settings) {
        this.syntax = syntax;
        this.watch = watch;
        this.settings = settings;
        this.lexical = new LexicalScanner(syntax);
    }

    /** What is watched now. */
    public WatchList watchList() {
        return watch;
    }

    /** Replaces what is watched; cached results, computed for the old list, are dropped. */
    public void watchList(WatchList newList) {
        this.watch = newList;
        this.cache = new ConcurrentHashMap<>();
    }

    /** The analysis of {@code sql}: usually already complete; pending while the parser works on it. */
    public CompletableFuture<Analysis> lookup(String sql) {
        ConcurrentHashMap<String, CompletableFuture<Analysis>> map = cache;
        String key = sql.length() > LONG_SQL ? longKey(sql) : sql;
        CompletableFuture<Analysis> cached = map.get(key);
        if (cached != null) {
            return cached;
        }
        WatchList list = watch;
        if (!list.mightMatch(sql)) {
            store(map, key, NOTHING);
            return NOTHING;
        }
        CompletableFuture<Analysis> pending = new CompletableFuture<>();
        CompletableFuture<Analysis> winner = map.putIfAbsent(key, pending);
        if (winner != null) {
            return winner;
        }
        evictIfFull(map);
        try {
            AnalysisThreads.parsers().execute(() -> pending.complete(analyzeNow(sql, list)));
        } catch (RejectedExecutionException e) {
            map.remove(key, pending); // parser threads saturated: skip this one, try again next time
            return NOTHING;
        }
        return pending;
    }

    /** The token-scan result, computed now on the calling thread (linear time). */
    public Analysis lexical(String sql) {
        return lexical.analyze(sql, watch);
    }

    /** Analyses on the calling thread, without the cache (tests, tools). */
    public Analysis analyzeNow(String sql) {
        return analyzeNow(sql, watch);
    }

    private Analysis analyzeNow(String sql, WatchList list) {
        analyses.incrementAndGet();
        if (sql.length() > settings.maxParseLength()
                || CCJSqlParserUtil.getNestingDepth(sql) > settings.maxNesting()) {
            return lexical.analyze(sql, list);
        }
        try {
            Statement statement;
            try {
                statement = parse(sql, false);
            } catch (Exception simpleFailed) {
                statement = parse(sql, true);
            }
            return ast.analyze(statement, list);
        } catch (Exception | StackOverflowError e) {
            log.debug("SQL not parsed ({}), falling back to a token scan: {}", e.getClass().getSimpleName(),
                    SqlText.abbreviate(sql, 200));
            return lexical.analyze(sql, list);
        }
    }

    private Statement parse(String sql, boolean complex) throws Exception {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex);
        AbstractJSqlParser.Dialect dialect = PARSER_DIALECTS.get(syntax.grammar());
        if (dialect != null) {
            parser.withDialect(dialect);
        }
        if (syntax.backslashEscapes()) {
            parser.withBackslashEscapeCharacter(true); // otherwise 'it\'s' ends the literal early
        }
        ScheduledFuture<?> watchdog = AnalysisThreads.watchdog().schedule(() -> {
            parser.interrupted = true;
        }, settings.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return parser.Statement();
        } finally {
            watchdog.cancel(false);
        }
    }

    private void evictIfFull(ConcurrentHashMap<String, CompletableFuture<Analysis>> map) {
        int size = map.size();
        if (size <= settings.maxEntries()) {
            return;
        }
        int toRemove = Math.max(1, settings.maxEntries() / 10);
        Iterator<String> it = map.keySet().iterator();
        while (toRemove-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private void store(ConcurrentHashMap<String, CompletableFuture<Analysis>> map, String key,
            CompletableFuture<Analysis> value) {
        if (map.putIfAbsent(key, value) == null) {
            evictIfFull(map);
        }
    }

    /** Statements analysed so far (parsed or token-scanned), for tests and diagnostics. */
    public long analyses() {
        return analyses.get();
    }

    /** Number of cached SQL strings (for tests and diagnostics). */
    public int cacheSize() {
        return cache.size();
    }

    private static String longKey(String sql) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64
        for (int i = 0, n = sql.length(); i < n; i++) {
            h ^= sql.charAt(i);
            h *= 0x100000001b3L;
        }
        return "\u0000" + sql.length() + ":" + Long.toHexString(h) + ":" + Integer.toHexString(sql.hashCode());
    }
}
