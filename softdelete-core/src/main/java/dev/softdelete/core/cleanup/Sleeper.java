package dev.softdelete.core.cleanup;

import java.time.Duration;

/** Waits; injectable so that tests observe rate-limit pauses instead of sleeping through them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}: the default. */
    static Sleeper threadSleep() {
        return d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    }
}
