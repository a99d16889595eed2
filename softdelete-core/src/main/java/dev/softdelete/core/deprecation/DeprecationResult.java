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
 * @param mismatches     renamed tables whose row count or checksum, read again after the rename
 *                       was committed, differ from the backup (empty normally; also in the run's
 *                       {@code verification} and, when not empty, an audit entry {@code DEPRECATION_VERIFY})
 */
public record DeprecationResult(long runId, List<AppliedElement> elements, boolean forced, Duration backupDuration,
        Duration renameDuration, List<String> mismatches) {

    /** Copies the lists. */
    public DeprecationResult {
        elements = List.copyOf(elements);
        mismatches = List.copyOf(mismatches);
    }
}
