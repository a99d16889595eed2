package dev.softdelete.proxy.internal.telemetry;

import dev.softdelete.core.ActorProvider;
import dev.softdelete.core.audit.AuditLog;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.proxy.ProxyMetricNames;
import dev.softdelete.proxy.analysis.StatementKind;
import dev.softdelete.proxy.internal.analysis.SqlText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What strict mode leaves behind when it refuses a statement: the
 * {@value ProxyMetricNames#STRICT_REFUSED} counter (tag {@code element}) and, with telemetry, an
 * audit entry (action {@value #ACTION}, target type {@code ELEMENT}, outcome {@code REFUSED};
 * details: every element, statement kind, calling frame and the statement's shape, its literals
 * replaced, so no value the application sent is stored). The actor is read on the query thread
 * (where the host's security context is); the entry is written by one daemon thread, so the
 * refused statement's thread never waits for the audit table. A full backlog (1,000 entries) drops
 * the entry, counted in {@link #dropped()} and logged.
 */
public final class StrictRefusals {

    /** The audit action of a refusal. */
    public static final String ACTION = "STRICT_REFUSAL";

    private static final Logger log = LoggerFactory.getLogger(StrictRefusals.class);
    private static final int SHAPE_LENGTH = 1000;

    private final SoftDeleteMetrics metrics;
    private final AuditLog audit;
    private final ActorProvider actors;
    private final AtomicLong dropped = new AtomicLong();
    private volatile ThreadPoolExecutor writer;

    /** Refusals counted in {@code metrics}; audited in {@code audit} when not null, as the actor {@code actors} names. */
    public StrictRefusals(SoftDeleteMetrics metrics, AuditLog audit, ActorProvider actors) {
        this.metrics = metrics;
        this.audit = audit;
        this.actors = actors;
    }

    /** Strict mode refused a statement of {@code kind} touching {@code elements}, sent from {@code caller}. */
    void refused(List<String> elements, StatementKind kind, String shape, Caller caller) {
        for (String element : elements) {
            metrics.count(ProxyMetricNames.STRICT_REFUSED, 1, MetricTags.of("element", element));
        }
        if (audit == null) {
            return;
        }
        String actor = actors.currentActor();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("elements", List.copyOf(elements));
        details.put("statement_kind", kind.name());
        details.put("caller", caller.text());
        details.put("statement_shape", SqlText.abbreviate(shape, SHAPE_LENGTH));
        try {
            writer().execute(() -> write(actor, elements.get(0), details));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            long n = dropped.incrementAndGet();
            log.warn("softdelete proxy: {} strict-mode refusals not audited, the audit backlog is full (latest: {} from {})",
                    n, elements, caller.text());
        }
    }

    /** Refusals whose audit entry was dropped (backlog full); normally 0. */
    public long dropped() {
        return dropped.get();
    }

    /** Waits (at most {@code millis}) until the audit entries of refusals so far are written. */
    public boolean awaitWritten(long millis) {
        ThreadPoolExecutor w = writer;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (w != null && (w.getActiveCount() > 0 || !w.getQueue().isEmpty())) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    private void write(String actor, String element, Map<String, Object> details) {
        try {
            audit.recordAs(actor, ACTION, "ELEMENT", element, null, "REFUSED", details);
        } catch (RuntimeException e) {
            log.warn("softdelete proxy: could not audit a strict-mode refusal of {} ({})", element, details, e);
        }
    }

    private ThreadPoolExecutor writer() {
        ThreadPoolExecutor w = writer;
        if (w == null) {
            synchronized (this) {
                w = writer;
                if (w == null) {
                    w = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), r -> {
                        Thread t = new Thread(r, "softdelete-proxy-audit");
                        t.setDaemon(true);
                        return t;
                    }, new ThreadPoolExecutor.AbortPolicy());
                    w.allowCoreThreadTimeOut(true);
                    writer = w;
                }
            }
        }
        return w;
    }
}
