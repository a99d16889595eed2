package dev.softdelete.proxy.internal.telemetry;

import dev.softdelete.core.alert.Alert;
import dev.softdelete.core.alert.AlertListener;
import dev.softdelete.proxy.ProxyAlertTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Raises a {@value ProxyAlertTypes#DEPRECATED_ACCESS} alert when a deprecated element is accessed after nobody touched it for
 * the quiet period: the moment an operator planning its removal needs to know about. Accesses
 * within the period stay silent. After a restart the last accesses come from the usage table.
 */
public final class QuietPeriodAlerts {

    private final AlertListener listener;
    private final Duration quietPeriod;
    private final Map<String, Instant> lastAccess = new ConcurrentHashMap<>();

    /** Alerts go to {@code listener} when an access follows {@code quietPeriod} without one. */
    public QuietPeriodAlerts(AlertListener listener, Duration quietPeriod) {
        this.listener = listener;
        this.quietPeriod = quietPeriod;
    }

    /** Known last accesses (e.g. from other instances), kept when more recent than ours. */
    public void seed(Map<String, Instant> known) {
        known.forEach((element, at) -> lastAccess.merge(element, at, (a, b) -> a.isAfter(b) ? a : b));
    }

    /** Records an access and alerts if it ends a quiet period. */
    void onAccess(String element, Instant now, Caller caller, String kind) {
        Instant[] before = new Instant[1];
        lastAccess.compute(element, (e, old) -> {
            before[0] = old;
            return old != null && old.isAfter(now) ? old : now; // analysed out of order: keep the latest
        });
        Instant previous = before[0];
        if (previous != null && Duration.between(previous, now).compareTo(quietPeriod) < 0) {
            return;
        }
        String since = previous == null ? "no access recorded before" : "last access " + previous;
        listener.deliverSafely(new Alert(ProxyAlertTypes.DEPRECATED_ACCESS, Alert.Severity.WARNING, element,
                "Deprecated element " + element + " was accessed after a quiet period of " + quietPeriod + " (" + since
                        + ") from " + caller.text() + ". Change that code before removing " + element + ".",
                now, Map.of("caller", caller.text(), "statement_kind", kind,
                        "previous_access", previous == null ? "none" : previous.toString())));
    }
}
