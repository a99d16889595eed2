package dev.softdelete.core.runs;

import java.time.Duration;

/**
 * How a run waits to honour its rate limit. The default sleeps the thread; tests pass one that
 * advances a {@code SettableClock} instead, so no test waits for real time to pass.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
    }
}
