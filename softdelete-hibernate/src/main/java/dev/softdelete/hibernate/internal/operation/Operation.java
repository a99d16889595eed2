package dev.softdelete.hibernate.internal.operation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One soft-delete operation: every row it marks gets exactly this instant (truncated to
 * microseconds, the precision of {@code TIMESTAMP(6)}) and actor. Cascade restore relies on it:
 * the children to restore are those whose marker equals the parent's.
 */
public record Operation(Instant at, String actor) {

    public Operation {
        at = at.truncatedTo(ChronoUnit.MICROS);
    }
}
