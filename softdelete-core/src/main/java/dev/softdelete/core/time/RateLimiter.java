package dev.softdelete.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a run or a cleanup worker under {@code rowsPerSecond}: after each batch it waits until the
 * rows handled so far fit the budget (a leaky bucket on the injected clock, waiting through the
 * injected {@link Sleeper}). Zero means unlimited.
 */
public final class RateLimiter {

    private final double rowsPerSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextFree;

    /** A limiter for {@code rowsPerSecond} (0 or less: unlimited) on {@code clock}, waiting through {@code sleeper}. */
    public RateLimiter(double rowsPerSecond, Clock clock, Sleeper sleeper) {
        this.rowsPerSecond = rowsPerSecond;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Accounts for {@code rows} just handled and waits as long as the budget requires. */
    public synchronized void acquire(long rows) throws InterruptedException {
        if (rowsPerSecond <= 0 || rows <= 0) {
            return;
        }
        Instant now = clock.instant();
        if (nextFree == null || nextFree.isBefore(now)) {
            nextFree = now;
        }
        nextFree = nextFree.plusNanos((long) (rows * 1_000_000_000d / rowsPerSecond));
        Duration wait = Duration.between(now, nextFree);
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(wait);
        }
    }
}
