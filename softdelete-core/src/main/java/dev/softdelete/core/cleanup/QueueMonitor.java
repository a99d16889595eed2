package dev.softdelete.core.cleanup;

import dev.softdelete.core.alert.Alert;
import dev.softdelete.core.alert.AlertListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Alerts once when the queue stays longer than {@code maxLength} for {@code maxDuration}
 * (default 100 jobs for 10 minutes), and again only after it has drained below the threshold.
 */
final class QueueMonitor {

    private final CleanupQueue queue;
    private final long maxLength;
    private final Duration maxDuration;
    private final Clock clock;
    private final AlertListener alerts;
    private Instant longSince;
    private boolean alerted;

    QueueMonitor(CleanupQueue queue, long maxLength, Duration maxDuration, Clock clock, AlertListener alerts) {
        this.queue = queue;
        this.maxLength = maxLength;
        this.maxDuration = maxDuration;
        this.clock = clock;
        this.alerts = alerts;
    }

    /** Reads the queue length (updating the gauge) and alerts if it has been long for too long. */
    synchronized long sample() {
        long length = queue.length();
        Instant now = clock.instant();
        if (length <= maxLength) {
            longSince = null;
            alerted = false;
        } else if (longSince == null) {
            longSince = now;
        } else if (!alerted && !now.isBefore(longSince.plus(maxDuration))) {
            alerted = true;
            alerts.deliverSafely(new Alert("cleanup.queue_length", Alert.Severity.WARNING, queue.table(),
                    "The cleanup queue has held more than " + maxLength + " jobs since " + longSince + " (" + length
                            + " now). Add workers, raise the rate limit, or check for failing jobs.",
                    now, Map.of("length", String.valueOf(length), "threshold", String.valueOf(maxLength),
                            "since", longSince.toString())));
        }
        return length;
    }
}
