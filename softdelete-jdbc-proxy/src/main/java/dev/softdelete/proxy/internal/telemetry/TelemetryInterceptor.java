package dev.softdelete.proxy.internal.telemetry;

import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.proxy.analysis.Confidence;
import dev.softdelete.proxy.internal.analysis.Analysis;
import dev.softdelete.proxy.internal.analysis.Hit;
import dev.softdelete.proxy.internal.analysis.Leak;
import dev.softdelete.proxy.internal.analysis.SqlAnalyzer;
import dev.softdelete.proxy.jdbc.StatementInterceptor;
import dev.softdelete.proxy.telemetry.DeprecatedElementAccessException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the JDBC wrappers to analysis and telemetry. On the query thread: one cache lookup;
 * only for a statement that touches something watched, the caller frame, the in-memory counters,
 * the metric and the alert check. If the analysis is still running after {@code analysisWait},
 * the query goes on and the result is recorded when the parse finishes.
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
    private final CallerFrames frames;
    private final SoftDeleteMetrics metrics;
    private final Clock clock;
    private final boolean strict;
    private final long waitNanos;
    private final Map<String, MetricTags> tags = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private volatile long lastFailureLog = System.nanoTime() - LOG_INTERVAL_NANOS;

    public TelemetryInterceptor(SqlAnalyzer analyzer, UsageAggregator usage, LeakRecorder leaks, QuietPeriodAlerts alerts,
            CallerFrames frames, SoftDeleteMetrics metrics, Clock clock, boolean strict, Duration analysisWait) {
        this.analyzer = analyzer;
        this.usage = usage;
        this.leaks = leaks;
        this.alerts = alerts;
        this.frames = frames;
        this.metrics = metrics;
        this.clock = clock;
        this.strict = strict;
        this.waitNanos = analysisWait.toNanos();
    }

    @Override
    public void beforePrepare(String sql) throws SQLException {
        SQLException rejection = null;
        try {
            CompletableFuture<Analysis> pending = analyzer.lookup(sql); // starts the analysis early
            if (strict) {
                Analysis analysis = settle(pending, sql);
                rejection = violation(analysis, sql);
                if (rejection != null) {
                    record(analysis, sql, frames.capture()); // the attempt is evidence too
                }
            }
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            failed(e);
        }
        if (rejection != null) {
            throw rejection;
        }
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

    private SQLException handle(String sql) {
        CompletableFuture<Analysis> pending = analyzer.lookup(sql);
        Analysis analysis = pending.getNow(null);
        if (analysis == null) {
            analysis = await(pending);
        }
        if (analysis == null) {
            if (strict) {
                analysis = analyzer.lexical(sql);
            } else {
                String caller = frames.capture(); // the frame is only known now, on this thread
                pending.thenAccept(late -> {
                    try {
                        record(late, sql, caller);
                    } catch (RuntimeException | LinkageError e) {
                        failed(e);
                    }
                });
                return null;
            }
        }
        if (analysis.isEmpty()) {
            return null;
        }
        record(analysis, sql, frames.capture());
        return strict ? violation(analysis, sql) : null;
    }

    private Analysis settle(CompletableFuture<Analysis> pending, String sql) {
        Analysis analysis = pending.getNow(null);
        if (analysis == null) {
            analysis = await(pending);
        }
        return analysis != null ? analysis : analyzer.lexical(sql);
    }

    private Analysis await(CompletableFuture<Analysis> pending) {
        if (waitNanos <= 0) {
            return null;
        }
        try {
            return pending.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (TimeoutException | ExecutionException e) {
            return null;
        }
    }

    private void record(Analysis analysis, String sql, String caller) {
        if (analysis.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Hit hit : analysis.hits()) {
            String element = hit.element().key();
            usage.record(element, analysis.kind(), hit.confidence(), sql, caller, now);
            metrics.count(MetricNames.DEPRECATED_ACCESS, 1, tags.computeIfAbsent(element, e -> MetricTags.of("element", e)));
            alerts.onAccess(element, now, caller, analysis.kind().name());
        }
        for (Leak leak : analysis.leaks()) {
            leaks.record(leak, sql, caller, now);
        }
    }

    /** Strict mode rejects exact and lexical hits; a {@code SELECT *} (possible hit) still runs. */
    private static SQLException violation(Analysis analysis, String sql) {
        for (Hit hit : analysis.hits()) {
            if (hit.confidence() != Confidence.POSSIBLE) {
                return new DeprecatedElementAccessException(hit.element().key(), sql);
            }
        }
        return null;
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
