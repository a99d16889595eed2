package dev.softdelete.core.deprecation;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link Deprecations#apply}.
 *
 * @param runId          the DEPRECATION run (mode APPLY): the checkpoint a later
 *                       {@code rollbackTo} may return to, and what {@code rollback} takes
 * @param elements       the renamed elements, in order
 * @param forced         whether BLOCKED elements were forced
 * @param backupDuration time spent taking and validating backups
 * @param renameDuration time spent renaming (and recording), all elements
 */
public record DeprecationResult(long runId, List<AppliedElement> elements, boolean forced, Duration backupDuration,
        Duration renameDuration) {

    /** Copies the list. */
    public DeprecationResult {
        elements = List.copyOf(elements);
    }
}
