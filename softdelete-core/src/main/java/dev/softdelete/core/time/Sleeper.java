package dev.softdelete.core.time;

import java.time.Duration;

/**
 * How the library waits to honour a rate limit (runs, cleanup workers). The default sleeps the
 * thread; tests pass one that advances a {@link SettableClock} instead, so no test waits for real
 * time to pass.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}: the default. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    }
}
