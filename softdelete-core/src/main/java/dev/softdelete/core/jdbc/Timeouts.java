package dev.softdelete.core.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on every statement the library runs, applied by {@link Jdbc} to each connection it takes
 * and put back before the connection returns to the pool.
 *
 * @param lockWait  how long a statement may wait for a row or table lock (default 5 s; MariaDB
 *                  rounds up to whole seconds, at least 1)
 * @param statement how long a statement may run (default 60 s)
 */
public record Timeouts(Duration lockWait, Duration statement) {

    public Timeouts {
        requirePositive(lockWait, "lockWait");
        requirePositive(statement, "statement");
    }

    /** 5 s lock wait, 60 s per statement. */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " timeout must be positive, got " + d);
        }
    }
}
