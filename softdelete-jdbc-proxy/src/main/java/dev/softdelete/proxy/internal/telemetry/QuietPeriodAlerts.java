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
    private final Map<String, Instant> lastRenamedAlert = new ConcurrentHashMap<>();
    private volatile Map<String, String> renamed = Map.of();

    /** Alerts go to {@code listener} when an access follows {@code quietPeriod} without one. */
    public QuietPeriodAlerts(AlertListener listener, Duration quietPeriod) {
        this.listener = listener;
        this.quietPeriod = quietPeriod;
    }

    /** Known last accesses (e.g. from other instances), kept when more recent than ours. */
    public void seed(Map<String, Instant> known) {
        known.forEach((element, at) -> lastAccess.merge(element, at, (a, b) -> a.isAfter(b) ? a : b));
    }

    /**
     * Original names of elements a deprecation renamed (lower-case key to the deprecated name): a
     * statement using one fails in the database, so every such access raises a
     * {@value ProxyAlertTypes#RENAMED_ELEMENT_USED} alert (at most once a minute per element and caller).
     */
    public void renamed(Map<String, String> renamed) {
        this.renamed = Map.copyOf(renamed);
    }

    /** Records an access and alerts if it ends a quiet period, or if it uses a renamed-away name. */
    void onAccess(String element, Instant now, Caller caller, String kind) {
        String renamedTo = renamed.get(element.toLowerCase(java.util.Locale.ROOT));
        if (renamedTo != null) {
            Instant[] previous = new Instant[1];
            lastRenamedAlert.compute(element + '|' + caller.text(), (k, old) -> {
                previous[0] = old;
                return old == null || Duration.between(old, now).compareTo(Duration.ofMinutes(1)) >= 0 ? now : old;
            });
            if (previous[0] == null || Duration.between(previous[0], now).compareTo(Duration.ofMinutes(1)) >= 0) {
                listener.deliverSafely(new Alert(ProxyAlertTypes.RENAMED_ELEMENT_USED, Alert.Severity.CRITICAL, element,
                        "A " + kind + " statement from " + caller.text() + " still uses " + element + ", renamed to " + renamedTo
                                + " by a deprecation: the database refuses it. Change that code, or roll the deprecation"
                                + " back (softDelete.deprecations().rollback(runId)).",
                        now, Map.of("caller", caller.text(), "statement_kind", kind, "renamed_to", renamedTo)));
            }
        }
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
