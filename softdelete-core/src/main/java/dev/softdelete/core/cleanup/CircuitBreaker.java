package dev.softdelete.core.cleanup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Opens when the share of failed job attempts in a sliding window exceeds a threshold (default
 * 5% over one hour, once at least {@code minimumJobs} attempts are in the window). While open,
 * workers sharing it claim nothing; only {@link #reset()} (the API's resume) closes it again.
 */
public final class CircuitBreaker {

    private final double threshold;
    private final Duration window;
    private final int minimumJobs;
    private final Clock clock;
    private final Deque<Outcome> outcomes = new ArrayDeque<>();
    private boolean open;

    private record Outcome(Instant at, boolean failed) {
    }

    /**
     * Creates a closed breaker that opens above {@code threshold} (a fraction) failed attempts in {@code window},
     * once at least {@code minimumJobs} attempts are in it.
     */
    public CircuitBreaker(double threshold, Duration window, int minimumJobs, Clock clock) {
        this.threshold = threshold;
        this.window = window;
        this.minimumJobs = minimumJobs;
        this.clock = clock;
    }

    /**
     * Records one attempt.
     *
     * @return true if this attempt opened the breaker
     */
    public synchronized boolean record(boolean failed) {
        Instant now = clock.instant();
        outcomes.addLast(new Outcome(now, failed));
        while (!outcomes.isEmpty() && outcomes.peekFirst().at().isBefore(now.minus(window))) {
            outcomes.removeFirst();
        }
        if (!open && failed && outcomes.size() >= minimumJobs && failureRate() > threshold) {
            open = true;
            return true;
        }
        return false;
    }

    /** Failed share of the attempts in the window. */
    public synchronized double failureRate() {
        long failures = outcomes.stream().filter(Outcome::failed).count();
        return outcomes.isEmpty() ? 0 : (double) failures / outcomes.size();
    }

    /** Returns the number of attempts in the window. */
    public synchronized int attemptsInWindow() {
        return outcomes.size();
    }

    /** Returns whether the breaker is open (workers claim nothing). */
    public synchronized boolean isOpen() {
        return open;
    }

    /** Closes the breaker and forgets the window. */
    public synchronized void reset() {
        open = false;
        outcomes.clear();
    }
}
