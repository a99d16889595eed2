package dev.softdelete.proxy.internal.telemetry;

import dev.softdelete.proxy.analysis.Confidence;
import dev.softdelete.proxy.analysis.StatementKind;
import dev.softdelete.proxy.telemetry.UsageRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usage per watched element, in memory: totals since start and the part not yet flushed to the
 * usage table. One small lock per element, taken only when a statement hits that element.
 */
public final class UsageAggregator {

    /** Longest sample SQL kept (the column holds 4,000 characters). */
    static final int SAMPLE_LENGTH = 4000;
    static final int CALLER_LENGTH = 1000;

    private final ConcurrentHashMap<String, ElementUsage> byElement = new ConcurrentHashMap<>();

    /** Records one access. */
    void record(String element, StatementKind kind, Confidence confidence, String sql, Caller caller, Instant now) {
        byElement.computeIfAbsent(element, ElementUsage::new).record(kind, confidence, sql, caller, now);
    }

    /** Totals since this proxy started, by element name. */
    public List<UsageRecord> totals() {
        List<UsageRecord> out = new ArrayList<>();
        byElement.values().forEach(u -> out.add(u.total()));
        out.sort(Comparator.comparing(UsageRecord::element));
        return out;
    }

    /** Takes the accesses not yet flushed (their counts are reset). */
    public List<UsageRecord> drainPending() {
        List<UsageRecord> out = new ArrayList<>();
        for (ElementUsage u : byElement.values()) {
            UsageRecord pending = u.drain();
            if (pending != null) {
                out.add(pending);
            }
        }
        return out;
    }

    /** Puts back pending accesses whose flush failed, so the next flush retries them. */
    public void restore(List<UsageRecord> pending) {
        for (UsageRecord r : pending) {
            byElement.computeIfAbsent(r.element(), ElementUsage::new).restore(r);
        }
    }

    private static final class ElementUsage {
        private final String element;
        private long count;
        private Instant first;
        private Instant last;
        private StatementKind kind;
        private Confidence confidence;
        private String sample;
        private Caller caller;
        private long pendingCount;
        private Instant pendingFirst;
        private Instant pendingLast;

        ElementUsage(String element) {
            this.element = element;
        }

        /** Order-independent: statements are analysed on two threads, so a later access may be recorded first. */
        synchronized void record(StatementKind kind, Confidence confidence, String sql, Caller caller, Instant now) {
            count++;
            if (first == null || now.isBefore(first)) {
                first = now;
            }
            if (last == null || !now.isBefore(last)) {
                last = now;
                this.kind = kind;
                this.confidence = confidence;
                this.sample = sql; // truncated when read: most samples are replaced before anyone reads them
                this.caller = caller;
            }
            pendingCount++;
            if (pendingFirst == null || now.isBefore(pendingFirst)) {
                pendingFirst = now;
            }
            if (pendingLast == null || now.isAfter(pendingLast)) {
                pendingLast = now;
            }
        }

        synchronized UsageRecord total() {
            return new UsageRecord(element, count, first, last, kind, confidence, sample(), callerText());
        }

        synchronized UsageRecord drain() {
            if (pendingCount == 0) {
                return null;
            }
            UsageRecord r = new UsageRecord(element, pendingCount, pendingFirst, pendingLast, kind, confidence,
                    sample(), callerText());
            pendingCount = 0;
            pendingFirst = null;
            pendingLast = null;
            return r;
        }

        synchronized void restore(UsageRecord r) {
            pendingCount += r.accessCount();
            pendingFirst = pendingFirst == null || r.firstAccess().isBefore(pendingFirst) ? r.firstAccess() : pendingFirst;
            pendingLast = pendingLast == null || r.lastAccess().isAfter(pendingLast) ? r.lastAccess() : pendingLast;
            if (kind == null) {
                kind = r.statementKind();
                confidence = r.confidence();
                sample = r.sampleSql();
                caller = r.caller() == null ? null : Caller.text(r.caller());
            }
        }

        private String sample() {
            return truncate(sample, SAMPLE_LENGTH);
        }

        private String callerText() {
            return caller == null ? null : truncate(caller.text(), CALLER_LENGTH);
        }

        private static String truncate(String s, int max) {
            return s == null || s.length() <= max ? s : s.substring(0, max);
        }
    }
}
