package dev.softdelete.proxy.internal.analysis;

import dev.softdelete.core.dialect.SqlSyntax;
import dev.softdelete.proxy.analysis.AnalysisSettings;
import dev.softdelete.proxy.analysis.Confidence;
import dev.softdelete.proxy.analysis.StatementKind;
import dev.softdelete.proxy.analysis.WatchedElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses SQL strings. The query thread calls {@link #cached(String)} (one map lookup) and, on a
 * miss, {@link #mightMatch(String)} (one pass of the name prefilter; a statement that cannot name
 * anything watched is cached as "nothing"). Everything else, {@link #analyze(String)}, runs on
 * the analysis threads, or on the query thread in strict mode.
 *
 * <p>{@link #analyze(String)} splits a string holding several statements at top-level {@code ;}
 * and analyses each; the result joins them. It is cached under the statement with its literals
 * replaced by placeholders ({@link LexicalScanner#normalize}), so statements that differ only in
 * inlined values are parsed once; it is also cached under the statement itself the second time
 * that text comes ({@link #seenBefore}), so a repeated statement is a query-thread cache hit from
 * its third execution on, and statements executed once never crowd the cache. The cache is bounded
 * in bytes ({@link AnalysisCache}); statements over 16 K characters are keyed by length and hash.
 *
 * <p>In strict mode ({@code untimed}) a parse is never abandoned for taking long: the decision for
 * a statement depends only on its text (length, nesting and whether the parser accepts it), never
 * on how warm the parser is. A statement the parser cannot take gets the conservative token scan:
 * any watched column of a table it names counts.
 */
public final class SqlAnalyzer {

    private static final Logger log = LoggerFactory.getLogger(SqlAnalyzer.class);
    private static final int LONG_SQL = 16_384;
    /** Longest statement whose shape the query thread looks up itself (a few microseconds at most). */
    static final int INLINE_SHAPE_LENGTH = 4_096;
    /** Prefix of shape keys, so a shape never collides with a statement's own text. */
    private static final String SHAPE = "\u0001";

    /** JSqlParser's dialect for each {@link SqlSyntax#grammar()}; an unknown grammar parses as standard SQL. */
    private static final Map<String, AbstractJSqlParser.Dialect> PARSER_DIALECTS = Map.of(
            "h2", AbstractJSqlParser.Dialect.H2,
            "postgresql", AbstractJSqlParser.Dialect.POSTGRESQL,
            "mariadb", AbstractJSqlParser.Dialect.MARIADB);

    private final SqlSyntax syntax;
    private final AnalysisSettings settings;
    private final boolean untimed;
    private final LexicalScanner lexical;
    private final AstAnalyzer ast = new AstAnalyzer();
    private final AtomicLong analyses = new AtomicLong();
    private volatile WatchList watch;
    private volatile AnalysisCache cache;
    private final AtomicLongArray seen = new AtomicLongArray(1 << 14);

    /** An analyzer (outside strict mode) for statements written in {@code syntax}, matching what {@code watch} holds. */
    public SqlAnalyzer(SqlSyntax syntax, WatchList watch, AnalysisSettings settings) {
        this(syntax, watch, settings, false);
    }

    /**
     * An analyzer; {@code strict} makes every decision depend on the statement's text only (no
     * parse time limit; conservative token scan for what the parser cannot take).
     */
    public SqlAnalyzer(SqlSyntax syntax, WatchList watch, AnalysisSettings settings, boolean strict) {
        this.syntax = syntax;
        this.watch = watch;
        this.settings = settings;
        this.untimed = strict;
        this.lexical = new LexicalScanner(syntax);
        this.cache = new AnalysisCache(settings.maxCacheBytes(), null);
    }

    /** What is watched now. */
    public WatchList watchList() {
        return watch;
    }

    /** Replaces what is watched; cached results, computed for the old list, are dropped. */
    public void watchList(WatchList newList) {
        this.watch = newList;
        this.cache = new AnalysisCache(settings.maxCacheBytes(), cache);
    }

    /** The cached analysis of {@code sql}, or null (query thread: one map lookup). */
    public Analysis cached(String sql) {
        return cache.get(key(sql));
    }

    /**
     * Whether {@code sql} may name something watched (one pass over it); when not, "nothing" is
     * cached for it and false returned.
     */
    public boolean mightMatch(String sql) {
        if (watch.mightMatch(sql)) {
            return true;
        }
        cache.put(key(sql), Analysis.NOTHING);
        return false;
    }

    /**
     * The cached analysis of {@code sql}'s shape (its literals replaced by placeholders), or null
     * (query thread, after a {@link #cached} miss: one linear pass and one map lookup, only for
     * statements of at most {@value #INLINE_SHAPE_LENGTH} characters). Statements that differ only
     * in inlined values are then recorded on the query thread without waking an analysis thread.
     */
    public Analysis cachedShape(String sql) {
        if (sql.length() > INLINE_SHAPE_LENGTH) {
            return null;
        }
        AnalysisCache c = cache;
        Analysis a = c.peek(SHAPE + key(lexical.normalize(sql)));
        if (a != null) {
            String key = key(sql);
            if (seenBefore(key)) {
                c.put(key, a);
            }
        }
        return a;
    }

    /** {@code sql} with its literals replaced by placeholders and its comments by a space (no value it held). */
    public String shape(String sql) {
        return lexical.normalize(sql);
    }

    /** The analysis of {@code sql}, from the cache or computed now on the calling thread (and cached). */
    public Analysis analyze(String sql) {
        AnalysisCache c = cache;
        WatchList list = watch;
        String key = key(sql);
        Analysis a = c.peek(key);
        if (a != null) {
            return a;
        }
        if (!list.mightMatch(sql)) {
            c.put(key, Analysis.NOTHING);
            return Analysis.NOTHING;
        }
        String normalized = lexical.normalize(sql);
        String shapeKey = SHAPE + key(normalized);
        a = c.peek(shapeKey);
        if (a == null) {
            a = analyzeNow(sql, list);
            c.put(shapeKey, a);
        }
        if (seenBefore(key)) { // the second time a text comes: cache it, so it is a query-thread hit from then on
            c.put(key, a);
        }
        return a;
    }

    /**
     * A doorkeeper for the query-thread cache: whether this text came before (a slot of a
     * direct-mapped table of hashes; false positives only admit a text early, collisions only
     * admit it late). Statements executed once (inlined literals) never enter the cache, so they
     * cannot evict the ones that repeat.
     */
    private boolean seenBefore(String key) {
        long h = key.hashCode() * 0x9E3779B97F4A7C15L + key.length();
        int slot = (int) (h >>> 50); // 14 bits
        if (seen.get(slot) == h) {
            return true;
        }
        seen.set(slot, h);
        return false;
    }

    /** The token-scan result, computed now on the calling thread (linear time). */
    public Analysis lexical(String sql) {
        return lexical.analyze(sql, watch, untimed);
    }

    /** Analyses on the calling thread, without the cache (tests, tools). */
    public Analysis analyzeNow(String sql) {
        return analyzeNow(sql, watch);
    }

    private Analysis analyzeNow(String sql, WatchList list) {
        analyses.incrementAndGet();
        List<String> statements = lexical.split(sql);
        if (statements.size() == 1) {
            return analyzeOne(statements.get(0), list);
        }
        List<Analysis> parts = new ArrayList<>(statements.size());
        for (String statement : statements) {
            parts.add(analyzeOne(statement, list));
        }
        return join(parts);
    }

    /** One result for several statements: each element once with its strongest confidence, each leak once. */
    static Analysis join(List<Analysis> parts) {
        Map<WatchedElement, Hit> hits = new LinkedHashMap<>();
        Map<String, Leak> leaks = new LinkedHashMap<>();
        StatementKind kind = null;
        boolean parsed = true;
        for (Analysis part : parts) {
            if (kind == null && !part.hits().isEmpty()) {
                kind = part.kind();
            }
            for (Hit h : part.hits()) {
                hits.merge(h.element(), h, (a, b) -> rank(b.confidence()) > rank(a.confidence()) ? b : a);
            }
            part.leaks().forEach(l -> leaks.putIfAbsent(l.table(), l));
            parsed &= part.parsed();
        }
        if (kind == null) {
            kind = parts.get(0).kind();
        }
        return new Analysis(kind, new ArrayList<>(hits.values()), new ArrayList<>(leaks.values()), parsed);
    }

    private static int rank(Confidence c) {
        return switch (c) {
            case EXACT -> 2;
            case LEXICAL -> 1;
            case POSSIBLE -> 0;
        };
    }

    private Analysis analyzeOne(String sql, WatchList list) {
        if (sql.length() > settings.maxParseLength()
                || CCJSqlParserUtil.getNestingDepth(sql) > settings.maxNesting()) {
            return lexical.analyze(sql, list, untimed);
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
            return lexical.analyze(sql, list, untimed);
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
        if (untimed) {
            return parser.Statement();
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

    /** Parses a trivial statement, so the parser's classes are loaded before the first real one. */
    public void warmUp() {
        try {
            parse("SELECT a FROM b WHERE c = 1", false);
        } catch (Exception e) {
            log.debug("Parser warm-up failed", e);
        }
    }

    /** Statements analysed so far (parsed or token-scanned), for tests and diagnostics. */
    public long analyses() {
        return analyses.get();
    }

    /** Number of cached entries (for tests and diagnostics). */
    public int cacheSize() {
        return cache.size();
    }

    /** Estimated heap held by the cache, in bytes. */
    public long cacheBytes() {
        return cache.bytes();
    }

    /** Query-thread lookups that found an analysis. */
    public long cacheHits() {
        return cache.hits();
    }

    /** Query-thread lookups that found none. */
    public long cacheMisses() {
        return cache.misses();
    }

    /** Entries evicted to stay within the byte budget. */
    public long cacheEvictions() {
        return cache.evictions();
    }

    private static String key(String sql) {
        return sql.length() > LONG_SQL ? longKey(sql) : sql;
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
