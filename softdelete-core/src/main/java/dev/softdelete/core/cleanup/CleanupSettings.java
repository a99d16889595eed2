package dev.softdelete.core.cleanup;

import dev.softdelete.core.alert.AlertListener;
import dev.softdelete.core.time.Sleeper;
import java.time.Duration;
import java.util.Objects;

/**
 * How cleanup workers behave. Defaults: lease 60 s, unlimited rate, retry backoff 10 s doubling
 * up to 10 min, breaker at 5% failed attempts over one hour (from 20 attempts), queue alert at
 * more than 100 jobs for 10 minutes, poll every 10 s, alerts logged.
 *
 * <pre>{@code
 * CleanupSettings settings = CleanupSettings.defaults().withRowsPerSecond(5_000).withAlertListener(pager::send);
 * }</pre>
 *
 * @param lease                how long a claimed job stays a worker's without a heartbeat (each batch is one); positive
 * @param rowsPerSecond        rows removed per second per worker; 0 means unlimited
 * @param backoffBase          delay before the first retry, doubled for each further one
 * @param backoffMax           the longest delay between retries
 * @param failureRateThreshold the failed share of attempts above which the circuit breaker opens
 * @param failureWindow        the sliding window the failure rate is measured over
 * @param minimumJobsForRate   attempts the window must hold before the breaker may open
 * @param queueAlertLength     queued jobs above which the queue alert may fire
 * @param queueAlertAfter      how long the queue must stay that long before the alert fires
 * @param pollInterval         delay between two drains of the queue by the built-in scheduler
 * @param sleeper              how the rate limit waits
 * @param alertListener        where failure-rate and queue-length alerts go
 */
public record CleanupSettings(Duration lease, double rowsPerSecond, Duration backoffBase, Duration backoffMax,
        double failureRateThreshold, Duration failureWindow, int minimumJobsForRate, long queueAlertLength,
        Duration queueAlertAfter, Duration pollInterval, Sleeper sleeper, AlertListener alertListener) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when {@code lease} is not positive
     */
    public CleanupSettings {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(alertListener, "alertListener");
        if (lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("Lease duration must be positive, got " + lease);
        }
    }

    /** The defaults listed above. */
    public static CleanupSettings defaults() {
        return new CleanupSettings(Duration.ofSeconds(60), 0, Duration.ofSeconds(10), Duration.ofMinutes(10), 0.05,
                Duration.ofHours(1), 20, 100, Duration.ofMinutes(10), Duration.ofSeconds(10), Sleeper.system(),
                AlertListener.logging());
    }

    /** How long a claimed job stays a worker's without a heartbeat (each batch is one). */
    public CleanupSettings withLease(Duration lease) {
        return new CleanupSettings(lease, rowsPerSecond, backoffBase, backoffMax, failureRateThreshold, failureWindow,
                minimumJobsForRate, queueAlertLength, queueAlertAfter, pollInterval, sleeper, alertListener);
    }

    /** Rows removed per second per worker; 0 = unlimited. */
    public CleanupSettings withRowsPerSecond(double rowsPerSecond) {
        return new CleanupSettings(lease, rowsPerSecond, backoffBase, backoffMax, failureRateThreshold, failureWindow,
                minimumJobsForRate, queueAlertLength, queueAlertAfter, pollInterval, sleeper, alertListener);
    }

    /** Delay before the first retry (doubling per attempt) and its cap. */
    public CleanupSettings withBackoff(Duration base, Duration max) {
        return new CleanupSettings(lease, rowsPerSecond, base, max, failureRateThreshold, failureWindow,
                minimumJobsForRate, queueAlertLength, queueAlertAfter, pollInterval, sleeper, alertListener);
    }

    /** Breaker: open when more than {@code threshold} of at least {@code minimumJobs} attempts in {@code window} failed. */
    public CleanupSettings withCircuitBreaker(double threshold, Duration window, int minimumJobs) {
        return new CleanupSettings(lease, rowsPerSecond, backoffBase, backoffMax, threshold, window, minimumJobs,
                queueAlertLength, queueAlertAfter, pollInterval, sleeper, alertListener);
    }

    /** Alert when more than {@code length} jobs wait for at least {@code after}. */
    public CleanupSettings withQueueAlert(long length, Duration after) {
        return new CleanupSettings(lease, rowsPerSecond, backoffBase, backoffMax, failureRateThreshold, failureWindow,
                minimumJobsForRate, length, after, pollInterval, sleeper, alertListener);
    }

    /** Delay between two drains of the queue by the built-in scheduler. */
    public CleanupSettings withPollInterval(Duration pollInterval) {
        return new CleanupSettings(lease, rowsPerSecond, backoffBase, backoffMax, failureRateThreshold, failureWindow,
                minimumJobsForRate, queueAlertLength, queueAlertAfter, pollInterval, sleeper, alertListener);
    }

    /** The sleeper the rate limit waits with (a test can make it advance a clock). */
    public CleanupSettings withSleeper(Sleeper sleeper) {
        return new CleanupSettings(lease, rowsPerSecond, backoffBase, backoffMax, failureRateThreshold, failureWindow,
                minimumJobsForRate, queueAlertLength, queueAlertAfter, pollInterval, sleeper, alertListener);
    }

    /** Where failure-rate and queue-length alerts go. */
    public CleanupSettings withAlertListener(AlertListener alertListener) {
        return new CleanupSettings(lease, rowsPerSecond, backoffBase, backoffMax, failureRateThreshold, failureWindow,
                minimumJobsForRate, queueAlertLength, queueAlertAfter, pollInterval, sleeper, alertListener);
    }

    /** Delay before retry number {@code attempt} (1-based): base, 2 base, 4 base, ... capped. */
    public Duration backoffFor(int attempt) {
        long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
        Duration d = backoffBase.multipliedBy(factor);
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }
}
