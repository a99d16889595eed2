package dev.softdelete.proxy.internal.telemetry;

import dev.softdelete.core.alert.Alert;
import dev.softdelete.core.alert.AlertListener;
import dev.softdelete.proxy.ProxyAlertTypes;
import dev.softdelete.proxy.internal.analysis.Leak;
import dev.softdelete.proxy.internal.analysis.SqlText;
import dev.softdelete.proxy.leak.LeakReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects soft-delete leaks by table and calling frame. The first leak from a place raises a
 * {@value ProxyAlertTypes#SOFT_DELETE_LEAK} alert and a warning log; repeats only count. At most {@value #MAX_PLACES} places
 * are kept, so a pathological application cannot grow memory without bound.
 */
public final class LeakRecorder {

    static final int MAX_PLACES = 1000;
    private static final Logger log = LoggerFactory.getLogger(LeakRecorder.class);

    private final AlertListener alerts;
    private final Map<String, Place> places = new ConcurrentHashMap<>();

    public LeakRecorder(AlertListener alerts) {
        this.alerts = alerts;
    }

    public void record(Leak leak, String sql, String caller, Instant now) {
        String key = leak.table() + "|" + caller;
        Place place = places.get(key);
        if (place == null) {
            if (places.size() >= MAX_PLACES) {
                return;
            }
            Place fresh = new Place(leak, caller, sql, now);
            place = places.putIfAbsent(key, fresh);
            if (place == null) {
                log.warn("Soft-delete leak: {} read without a predicate on its deleted marker at {}: {}",
                        leak.table(), caller, SqlText.abbreviate(sql, 300));
                alerts.deliverSafely(new Alert(ProxyAlertTypes.SOFT_DELETE_LEAK, Alert.Severity.WARNING, leak.table(),
                        "A SELECT reads soft-deletable table " + leak.table() + " without filtering deleted rows, from "
                                + caller + ". Add the deleted-marker predicate (e.g. deleted_at IS NULL) or use the"
                                + " entity's soft-delete filter.",
                        now, Map.of("caller", caller, "sql", SqlText.abbreviate(sql, 300), "confidence", leak.confidence().name())));
                return;
            }
        }
        place.hit(sql, now);
    }

    /** Every place that leaked, most frequent first. */
    public List<LeakReport> reports() {
        List<LeakReport> out = new ArrayList<>();
        places.values().forEach(p -> out.add(p.report()));
        out.sort(Comparator.comparingLong(LeakReport::count).reversed().thenComparing(LeakReport::table));
        return out;
    }

    private static final class Place {
        private final Leak leak;
        private final String caller;
        private final Instant first;
        private String sample;
        private long count = 1;
        private Instant last;

        Place(Leak leak, String caller, String sql, Instant now) {
            this.leak = leak;
            this.caller = caller;
            this.first = now;
            this.last = now;
            this.sample = SqlText.abbreviate(sql, 300);
        }

        synchronized void hit(String sql, Instant now) {
            count++;
            last = now;
            sample = SqlText.abbreviate(sql, 300);
        }

        synchronized LeakReport report() {
            return new LeakReport(leak.table(), caller, sample, count, first, last, leak.confidence());
        }
    }
}
