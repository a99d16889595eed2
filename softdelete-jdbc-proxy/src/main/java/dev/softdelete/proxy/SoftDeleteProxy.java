package dev.softdelete.proxy;

import dev.softdelete.core.ActorProvider;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.alert.AlertListener;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Dialects;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.proxy.analysis.AnalysisSettings;
import dev.softdelete.proxy.analysis.WatchedElement;
import dev.softdelete.proxy.internal.analysis.NameCase;
import dev.softdelete.proxy.internal.analysis.SqlAnalyzer;
import dev.softdelete.proxy.internal.analysis.WatchList;
import dev.softdelete.proxy.internal.telemetry.CallerFrames;
import dev.softdelete.proxy.internal.telemetry.DeprecationRegistryReader;
import dev.softdelete.proxy.internal.telemetry.LeakRecorder;
import dev.softdelete.proxy.internal.telemetry.QuietPeriodAlerts;
import dev.softdelete.proxy.internal.telemetry.StrictRefusals;
import dev.softdelete.proxy.internal.telemetry.TelemetryInterceptor;
import dev.softdelete.proxy.internal.telemetry.UsageAggregator;
import dev.softdelete.proxy.internal.telemetry.UsageStore;
import dev.softdelete.proxy.internal.jdbc.ProxyDataSource;
import dev.softdelete.proxy.leak.LeakReport;
import dev.softdelete.proxy.telemetry.StoredUsage;
import dev.softdelete.proxy.telemetry.UsageRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data source that reports which statements touch deprecated tables and columns (and from
 * where in the application), and which reads leak soft-deleted rows. It never changes what the
 * application sends or receives.
 *
 * <pre>{@code
 * SoftDeleteProxy proxy = SoftDeleteProxy.builder(dataSource)
 *         .watch("users.legacy_email")              // plus everything watched in the deprecation registry
 *         .softDeletable("products", "deleted_at")  // plus every table in softDelete.tables()
 *         .telemetry(softDelete)                    // persist usage, metrics, alerts, registry
 *         .build();
 * // hand `proxy` to the pool user / JPA instead of dataSource
 * proxy.usage();   // per element: count, first/last access, kind, sample SQL, caller
 * proxy.leaks();   // SELECTs on soft-deletable tables without a deleted-marker predicate
 * }</pre>
 */
public final class SoftDeleteProxy extends ProxyDataSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SoftDeleteProxy.class);

    private final SqlAnalyzer analyzer;
    private final UsageAggregator usage;
    private final LeakRecorder leaks;
    private final QuietPeriodAlerts alerts;
    private final TelemetryInterceptor interceptor;
    private final StrictRefusals refusals;
    private final Set<WatchedElement> configured;
    private final List<SoftDeletableTable> configuredSoftDeletable;
    private final SoftDelete softDelete;
    private final UsageStore store;
    private final DeprecationRegistryReader registry;
    private final ScheduledExecutorService scheduler;
    private final long analysisWaitMillis;
    private final AutoCloseable registrySubscription;

    private SoftDeleteProxy(Builder b, TelemetryInterceptor interceptor, SqlAnalyzer analyzer, UsageAggregator usage,
            LeakRecorder leaks, QuietPeriodAlerts alerts, StrictRefusals refusals) {
        super(b.dataSource, interceptor);
        this.refusals = refusals;
        this.interceptor = interceptor;
        this.analyzer = analyzer;
        this.usage = usage;
        this.leaks = leaks;
        this.alerts = alerts;
        this.configured = Set.copyOf(b.watched);
        this.configuredSoftDeletable = List.copyOf(b.softDeletable);
        this.softDelete = b.softDelete;
        this.analysisWaitMillis = b.analysisWait.toMillis();
        this.store = b.softDelete == null ? null : new UsageStore(b.softDelete);
        this.registry = b.softDelete == null || !b.useRegistry ? null : new DeprecationRegistryReader(b.softDelete);
        if (store == null) {
            scheduler = null;
            registrySubscription = null;
            return;
        }
        // Deprecations applied or rolled back through this SoftDelete are watched at once, without
        // waiting for the periodic refresh (which still brings other instances' changes).
        registrySubscription = registry == null ? null
                : b.softDelete.deprecations().onRegistryChange(this::refreshQuietly);
        refreshQuietly(); // a database hiccup at startup must not stop the application; retried periodically
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "softdelete-proxy-telemetry");
            t.setDaemon(true);
            return t;
        });
        long flushMillis = b.flushInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::flushQuietly, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        // Also without the registry: integrations (Hibernate) may declare soft-deletable tables after the proxy starts.
        long refreshMillis = b.registryRefresh.toMillis();
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts configuring a proxy around {@code dataSource} (usually the application's pool). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Access per watched element since this proxy started (not yet including other instances).
     * Statements still waiting for analysis are waited for first, at most {@code analysisWait}.
     */
    public List<UsageRecord> usage() {
        awaitAnalysis();
        return usage.totals();
    }

    /** Places in the application whose SELECTs read soft-deleted rows (waits as {@link #usage()} does). */
    public List<LeakReport> leaks() {
        awaitAnalysis();
        return leaks.reports();
    }

    /**
     * Waits until every statement executed so far has been analysed and recorded (and the audit
     * entries of strict-mode refusals written), at most
     * {@code analysisWait}; whether it got there. Statements never wait for analysis themselves.
     */
    public boolean awaitAnalysis() {
        return interceptor.awaitAnalysis(analysisWaitMillis) & refusals.awaitWritten(analysisWaitMillis);
    }

    /**
     * Statements whose evidence was dropped because the buffer of statements waiting for analysis
     * was full (also the {@value ProxyMetricNames#EVIDENCE_DROPPED} meter and a
     * {@value ProxyAlertTypes#EVIDENCE_DROPPED} alert); normally zero.
     */
    public long evidenceDropped() {
        return interceptor.dropped();
    }

    /** The tables and columns watched right now (configuration plus deprecation registry). */
    public Set<WatchedElement> watched() {
        return analyzer.watchList().elements();
    }

    /** The tables checked for leaks right now (configuration plus {@code softDelete.tables()}). */
    public List<SoftDeletableTable> softDeletable() {
        return analyzer.watchList().softDeletable();
    }

    /** Statements whose telemetry failed (and was ignored); normally zero (waits as {@link #usage()} does). */
    public long telemetryFailures() {
        awaitAnalysis();
        return interceptor.failures();
    }

    /**
     * Writes accesses not yet stored to {@code deprecated_usage} now (this also happens every flush
     * interval and on {@link #close()}). Returns the number of elements written; 0 without
     * {@link Builder#telemetry(SoftDelete)}. If the write fails, the accesses are kept for the next flush.
     */
    public synchronized int flush() {
        if (store == null) {
            return 0;
        }
        awaitAnalysis();
        List<UsageRecord> pending = usage.drainPending();
        try {
            return store.add(pending);
        } catch (RuntimeException e) {
            usage.restore(pending);
            throw e;
        }
    }

    /** Every instance's stored usage ({@code deprecated_usage}); empty without telemetry. */
    public List<StoredUsage> storedUsage() {
        return store == null ? List.of() : store.all();
    }

    /**
     * Re-reads the deprecation registry, {@code softDelete.tables()} and the stored last accesses
     * now (also done every registry refresh interval). Does nothing without telemetry.
     */
    public void refreshWatchList() {
        if (store == null) {
            return;
        }
        Set<WatchedElement> elements = new LinkedHashSet<>(configured);
        if (registry != null) {
            DeprecationRegistryReader.Snapshot snapshot = registry.read();
            elements.addAll(snapshot.watched());
            alerts.renamed(snapshot.renamed());
        }
        List<SoftDeletableTable> tables = softDeletableTables(configuredSoftDeletable, softDelete);
        WatchList current = analyzer.watchList();
        WatchList next = current.with(elements, tables);
        Map<String, Set<String>> catalog = catalogColumns(next.tablesNeedingColumns());
        if (!elements.equals(current.elements()) || !tables.equals(current.softDeletable())
                || !catalog.equals(current.catalog())) {
            analyzer.watchList(next.withCatalog(catalog));
        }
        alerts.seed(store.lastAccessByElement());
    }

    /**
     * The tables declared in core ({@code softDelete.tables()}, may be null) and on this builder,
     * one per name; the builder's declaration wins, being the more specific.
     */
    private static List<SoftDeletableTable> softDeletableTables(List<SoftDeletableTable> configured,
            SoftDelete softDelete) {
        Map<String, SoftDeletableTable> byName = new LinkedHashMap<>();
        if (softDelete != null) {
            softDelete.tables().all().stream().sorted(Comparator.comparing(SoftDeletableTable::table))
                    .forEach(t -> byName.put(t.table().toLowerCase(Locale.ROOT), t));
        }
        configured.forEach(t -> byName.put(t.table().toLowerCase(Locale.ROOT), t));
        return List.copyOf(byName.values());
    }

    /** The catalog's columns of each table that exists (a table that does not is left out: its whole-row uses stay POSSIBLE). */
    private Map<String, Set<String>> catalogColumns(Set<String> tables) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String table : tables) {
            try {
                softDelete.catalog().find(table).ifPresent(info -> {
                    Set<String> columns = new LinkedHashSet<>();
                    info.columns().forEach(c -> columns.add(c.name()));
                    out.put(table, Set.copyOf(columns));
                });
            } catch (RuntimeException e) {
                log.debug("Could not read the catalog for {}; its whole-row uses stay POSSIBLE", table, e);
            }
        }
        return out;
    }

    /** Stops the background work and flushes what is pending. The wrapped data source stays open. */
    @Override
    public void close() {
        if (registrySubscription != null) {
            try {
                registrySubscription.close();
            } catch (Exception e) {
                log.debug("Could not unsubscribe from the deprecation registry", e);
            }
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            flushQuietly();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Could not flush deprecated-usage telemetry; will retry", e);
        }
    }

    private void refreshQuietly() {
        try {
            refreshWatchList();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the watched elements from the deprecation registry; keeping the old list", e);
        }
    }

    /** Configuration; only the data source is required. */
    public static final class Builder {
        private final DataSource dataSource;
        private final Set<WatchedElement> watched = new LinkedHashSet<>();
        private final List<SoftDeletableTable> softDeletable = new ArrayList<>();
        private final List<String> skippedCallers = new ArrayList<>();
        private final List<String> keptCallers = new ArrayList<>();
        private final List<String> applicationPackages = new ArrayList<>();
        private SoftDelete softDelete;
        private Dialect dialect;
        private boolean useRegistry = true;
        private boolean strict;
        private Clock clock;
        private SoftDeleteMetrics metrics;
        private AlertListener alerts = AlertListener.logging();
        private Duration quietPeriod = Duration.ofDays(1);
        private Duration flushInterval = Duration.ofSeconds(30);
        private Duration registryRefresh = Duration.ofMinutes(1);
        private Duration analysisWait = Duration.ofSeconds(5);
        private AnalysisSettings analysis = AnalysisSettings.DEFAULTS;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** Watches columns ({@code table.column}) or tables ({@code table}). */
        public Builder watch(String... elements) {
            for (String e : elements) {
                watched.add(WatchedElement.parse(e));
            }
            return this;
        }

        /** Watches an element. */
        public Builder watch(WatchedElement element) {
            watched.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        /**
         * Checks a soft-deletable table for leaks: SELECTs on it without a predicate on its marker
         * column are reported. Tables declared in core ({@code softDelete.tables()}) are checked
         * without this, once {@link #telemetry(SoftDelete)} is set; a declaration here wins.
         */
        public Builder softDeletable(SoftDeletableTable table) {
            softDeletable.add(Objects.requireNonNull(table, "table"));
            return this;
        }

        /** Shorthand for {@code softDeletable(SoftDeletableTable.of(table).withMarkerColumn(marker))}. */
        public Builder softDeletable(String table, String marker) {
            return softDeletable(SoftDeletableTable.of(table).withMarkerColumn(marker));
        }

        /**
         * Persists usage to {@code deprecated_usage}, watches the deprecation registry, checks every
         * table of {@code softDelete.tables()} for leaks, and takes clock, metrics, instance id and
         * dialect from {@code softDelete}. Without it, telemetry stays in memory.
         */
        public Builder telemetry(SoftDelete softDelete) {
            this.softDelete = Objects.requireNonNull(softDelete, "softDelete");
            return this;
        }

        /** Whether to watch what the deprecation registry marks as watched; default true (needs telemetry). */
        public Builder useDeprecationRegistry(boolean useRegistry) {
            this.useRegistry = useRegistry;
            return this;
        }

        /** Rejects statements that touch a deprecated element with an SQLException; default false. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Receives deprecated-access (after a quiet period) and leak alerts; default: logging. */
        public Builder alerts(AlertListener alerts) {
            this.alerts = Objects.requireNonNull(alerts, "alerts");
            return this;
        }

        /** Access after this long without access raises an alert; default 1 day. */
        public Builder quietPeriod(Duration quietPeriod) {
            this.quietPeriod = positive(quietPeriod, "quietPeriod");
            return this;
        }

        /** How often usage is written to the database; default 30 s. */
        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = positive(flushInterval, "flushInterval");
            return this;
        }

        /** How often the deprecation registry and {@code softDelete.tables()} are re-read; default 1 min. */
        public Builder registryRefresh(Duration registryRefresh) {
            this.registryRefresh = positive(registryRefresh, "registryRefresh");
            return this;
        }

        /**
         * How long {@link #usage()}, {@link #leaks()}, {@link #flush()} and {@link #close()} wait
         * for statements still being analysed; default 5 s. Statements themselves never wait for
         * an analysis outside strict mode (it runs on the analysis threads, with the calling frame
         * and time captured at execution); in strict mode they wait for the whole analysis.
         */
        public Builder analysisWait(Duration analysisWait) {
            this.analysisWait = Objects.requireNonNull(analysisWait, "analysisWait");
            return this;
        }

        /** Cache size and parser limits. */
        public Builder analysis(AnalysisSettings settings) {
            this.analysis = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The database's dialect, which decides how names, literals and comments are read
         * (default: telemetry's, else detected from a connection; set it when the pool is not
         * started yet).
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** Overrides the clock (default: telemetry's, else system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Overrides the metrics (default: telemetry's, else none). */
        public Builder metrics(SoftDeleteMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Package prefixes that are never the "calling frame" (your own data-access helpers), besides the defaults. */
        public Builder skipCallerPackages(String... prefixes) {
            skippedCallers.addAll(List.of(prefixes));
            return this;
        }

        /**
         * Package prefixes that are never skipped when looking for the calling frame, even under a
         * default skipped prefix (a default entry equal to one is removed): e.g.
         * {@code keepCallerPackages("org.springframework.samples.")} for an application living there.
         */
        public Builder keepCallerPackages(String... prefixes) {
            keptCallers.addAll(List.of(prefixes));
            return this;
        }

        /**
         * The application's own packages: the first frame in one of them is the calling frame,
         * whatever the skip list says; when none is on the stack, the first frame outside the
         * skip list is. Default: none.
         */
        public Builder applicationPackages(String... prefixes) {
            applicationPackages.addAll(List.of(prefixes));
            return this;
        }

        /** The proxy; starts its background flush and refresh when telemetry is set. */
        public SoftDeleteProxy build() {
            Dialect effectiveDialect = dialect != null ? dialect
                    : softDelete != null ? softDelete.dialect() : Dialects.detect(dataSource);
            Clock effectiveClock = clock != null ? clock : softDelete != null ? softDelete.clock() : Clock.systemUTC();
            SoftDeleteMetrics effectiveMetrics = metrics != null ? metrics
                    : softDelete != null ? softDelete.metrics() : SoftDeleteMetrics.noop();
            WatchList list = new WatchList(NameCase.of(effectiveDialect), watched,
                    softDeletableTables(softDeletable, softDelete));
            SqlAnalyzer analyzer = new SqlAnalyzer(effectiveDialect.syntax(), list, analysis, strict);
            if (strict) {
                analyzer.warmUp(); // the first statement does not pay for loading the parser (decisions never depend on it)
            }
            UsageAggregator usage = new UsageAggregator();
            LeakRecorder leaks = new LeakRecorder(alerts);
            QuietPeriodAlerts quiet = new QuietPeriodAlerts(alerts, quietPeriod);
            StrictRefusals refusals = new StrictRefusals(effectiveMetrics,
                    softDelete == null ? null : softDelete.auditLog(),
                    softDelete == null ? ActorProvider.systemUser() : softDelete.actors());
            TelemetryInterceptor interceptor = new TelemetryInterceptor(analyzer, usage, leaks, quiet, alerts,
                    new CallerFrames(skippedCallers, keptCallers, applicationPackages), effectiveMetrics, effectiveClock,
                    strict, refusals, analysis.maxPending(), analysis.maxPendingChars());
            MetricTags none = MetricTags.empty();
            effectiveMetrics.gauge(ProxyMetricNames.CACHE_HITS, none, analyzer::cacheHits);
            effectiveMetrics.gauge(ProxyMetricNames.CACHE_MISSES, none, analyzer::cacheMisses);
            effectiveMetrics.gauge(ProxyMetricNames.CACHE_EVICTIONS, none, analyzer::cacheEvictions);
            effectiveMetrics.gauge(ProxyMetricNames.CACHE_BYTES, none, analyzer::cacheBytes);
            effectiveMetrics.gauge(ProxyMetricNames.PENDING, none, interceptor::pendingStatements);
            return new SoftDeleteProxy(this, interceptor, analyzer, usage, leaks, quiet, refusals);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be a positive duration, got " + d);
            }
            return d;
        }
    }
}
