package dev.softdelete.proxy.internal.telemetry;

import dev.softdelete.core.alert.Alert;
import dev.softdelete.core.alert.AlertListener;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.proxy.ProxyAlertTypes;
import dev.softdelete.proxy.ProxyMetricNames;
import dev.softdelete.proxy.internal.analysis.Analysis;
import dev.softdelete.proxy.internal.analysis.AnalysisThreads;
import dev.softdelete.proxy.internal.analysis.Hit;
import dev.softdelete.proxy.internal.analysis.Leak;
import dev.softdelete.proxy.internal.analysis.SqlAnalyzer;
import dev.softdelete.proxy.jdbc.StatementInterceptor;
import dev.softdelete.proxy.telemetry.DeprecatedElementAccessException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the JDBC wrappers to analysis and telemetry.
 *
 * <p>Outside strict mode a statement never waits for an analysis. On the query thread: one cache
 * lookup; for a cached statement that touches something watched, the caller frame and the
 * in-memory counters. On a miss, the name prefilter and, for a statement that may name something
 * watched, the lookup of its shape (literals replaced; statements differing only in inlined values
 * are recorded on the query thread too); a statement of a new shape is queued
 * ({@link PendingStatements}) with its SQL, its recorded stack ({@link CallerFrames#record()}) and the time, and
 * recorded by an analysis thread as if it had been recorded at that time from that frame. A
 * full buffer drops the statement's evidence: counted ({@link #dropped()}, meter
 * {@value ProxyMetricNames#EVIDENCE_DROPPED}), logged and alerted ({@value ProxyAlertTypes#EVIDENCE_DROPPED}).
 *
 * <p>In strict mode the analysis runs on the query thread, to the end (see {@link SqlAnalyzer}),
 * and any hit refuses the statement: the decision depends on the SQL text only.
 *
 * <p>Nothing here can break the application's statement: every failure of analysis, telemetry,
 * metrics or listeners is caught and logged (at most once a minute). The one exception on purpose
 * is strict mode's {@link DeprecatedElementAccessException}.
 */
public final class TelemetryInterceptor implements StatementInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TelemetryInterceptor.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final SqlAnalyzer analyzer;
    private final UsageAggregator usage;
    private final LeakRecorder leaks;
    private final QuietPeriodAlerts alerts;
    private final AlertListener alertListener;
    private final CallerFrames frames;
    private final SoftDeleteMetrics metrics;
    private final Clock clock;
    private final boolean strict;
    private final PendingStatements pending;
    private final StrictRefusals refusals;
    private final Map<String, MetricTags> tags = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private volatile long lastFailureLog = System.nanoTime() - LOG_INTERVAL_NANOS;
    private final AtomicLong lastDropAlert = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    public TelemetryInterceptor(SqlAnalyzer analyzer, UsageAggregator usage, LeakRecorder leaks, QuietPeriodAlerts alerts,
            AlertListener alertListener, CallerFrames frames, SoftDeleteMetrics metrics, Clock clock, boolean strict,
            StrictRefusals refusals, int maxPending, long maxPendingChars) {
        this.refusals = refusals;
        this.analyzer = analyzer;
        this.usage = usage;
        this.leaks = leaks;
        this.alerts = alerts;
        this.alertListener = alertListener;
        this.frames = frames;
        this.metrics = metrics;
        this.clock = clock;
        this.strict = strict;
        this.pending = new PendingStatements(maxPending, maxPendingChars, AnalysisThreads.parsers(),
                AnalysisThreads.watchdog(), this::analyseLater);
    }

    @Override
    public void beforePrepare(String sql) throws SQLException {
        if (!strict) {
            return; // nothing was executed yet; each execution is observed
        }
        beforeExecute(sql);
    }

    @Override
    public void beforeExecute(String sql) throws SQLException {
        SQLException rejection = null;
        try {
            rejection = handle(sql);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            failed(e);
        }
        if (rejection != null) {
            throw rejection;
        }
    }

    /** Number of telemetry failures swallowed so far. */
    public long failures() {
        return failures.get();
    }

    /** Statements whose evidence was dropped because the pending buffer was full. */
    public long dropped() {
        return pending.dropped();
    }

    /** Statements waiting for analysis now. */
    public int pendingStatements() {
        return pending.size();
    }

    /** Waits until every statement executed so far has been analysed and recorded (at most the timeout). */
    public boolean awaitAnalysis(long timeoutMillis) {
        return pending.awaitIdle(timeoutMillis);
    }

    private SQLException handle(String sql) {
        Analysis analysis = analyzer.cached(sql);
        if (analysis == null) {
            if (!analyzer.mightMatch(sql)) {
                return null;
            }
            // strict: decided now, on this thread; otherwise a known shape is recorded now, a new one later
            analysis = strict ? analyzer.analyze(sql) : analyzer.cachedShape(sql);
            if (analysis == null) {
                if (!pending.offer(new PendingStatements.Pending(sql, Caller.of(frames.record()), clock.instant()))) {
                    droppedEvidence(sql);
                }
                return null;
            }
        }
        if (analysis.isEmpty()) {
            return null;
        }
        // a leak is recorded per caller, so its text is needed now: walk to it; otherwise record the stack
        Caller caller = analysis.leaks().isEmpty() ? Caller.of(frames.record()) : Caller.of(frames.capture());
        record(analysis, sql, caller, clock.instant());
        SQLException refusal = strict ? violation(analysis, sql) : null;
        if (refusal != null) {
            refusals.refused(analysis.hits().stream().map(h -> h.element().key()).distinct().toList(), analysis.kind(),
                    analyzer.shape(sql), caller);
        }
        return refusal;
    }

    /** On an analysis thread: the statement's analysis, recorded with the frame and time captured at execution. */
    private void analyseLater(PendingStatements.Pending p) {
        try {
            Analysis analysis = analyzer.analyze(p.sql());
            if (!analysis.isEmpty()) {
                record(analysis, p.sql(), p.caller(), p.at());
            }
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            failed(e);
        }
    }

    private void droppedEvidence(String sql) {
        try {
            metrics.count(ProxyMetricNames.EVIDENCE_DROPPED, 1, MetricTags.empty());
            long last = lastDropAlert.get();
            long now = System.nanoTime();
            if (now - last >= LOG_INTERVAL_NANOS && lastDropAlert.compareAndSet(last, now)) {
                long count = pending.dropped();
                log.warn("softdelete proxy: the buffer of statements waiting for analysis is full; {} statements' evidence"
                        + " dropped so far (latest: {}). Raise AnalysisSettings.maxPending or watch fewer names.", count,
                        dev.softdelete.proxy.internal.analysis.SqlText.abbreviate(sql, 200));
                alertListener.deliverSafely(new Alert(ProxyAlertTypes.EVIDENCE_DROPPED, Alert.Severity.WARNING,
                        "analysis buffer", "Statements waiting for analysis overflowed the proxy's buffer: " + count
                                + " statements executed without being analysed, so their uses of watched elements and"
                                + " soft-delete leaks are missing from the usage figures. Raise"
                                + " AnalysisSettings.maxPending, or give the analysis more CPU.",
                        clock.instant(), Map.of("dropped", Long.toString(count))));
            }
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    private void record(Analysis analysis, String sql, Caller caller, Instant at) {
        for (Hit hit : analysis.hits()) {
            String element = hit.element().key();
            usage.record(element, analysis.kind(), hit.confidence(), sql, caller, at);
            metrics.count(MetricNames.DEPRECATED_ACCESS, 1, tags.computeIfAbsent(element, e -> MetricTags.of("element", e)));
            alerts.onAccess(element, at, caller, analysis.kind().name());
        }
        for (Leak leak : analysis.leaks()) {
            leaks.record(leak, sql, caller.text(), at);
        }
    }

    /** Strict mode refuses every hit, whatever its confidence: the statement reads or writes a deprecated element. */
    private static SQLException violation(Analysis analysis, String sql) {
        return analysis.hits().isEmpty() ? null
                : new DeprecatedElementAccessException(analysis.hits().get(0).element().key(), sql);
    }

    private void failed(Throwable e) {
        long count = failures.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastFailureLog >= LOG_INTERVAL_NANOS) {
            lastFailureLog = now;
            log.warn("softdelete proxy telemetry failed ({} failures so far); the application's statements are"
                    + " not affected", count, e);
        }
    }
}
