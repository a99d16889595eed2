package dev.softdelete.core.deprecation;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of rolling back one deprecation run.
 *
 * @param rollbackRunId   the run recording the rollback (kind DEPRECATION, mode UNDO)
 * @param deprecationRunId the run it reversed (now UNDONE)
 * @param elements        the elements renamed back, in the order it happened (reverse of apply)
 * @param mismatches      backup checks that failed and were forced (empty normally)
 * @param checkDuration   time spent re-checking row counts and checksums against the backup
 * @param renameDuration  time spent renaming back and recording
 */
public record RollbackResult(long rollbackRunId, long deprecationRunId, List<AppliedElement> elements,
        List<String> mismatches, Duration checkDuration, Duration renameDuration) {

    /** Copies the lists. */
    public RollbackResult {
        elements = List.copyOf(elements);
        mismatches = List.copyOf(mismatches);
    }
}
