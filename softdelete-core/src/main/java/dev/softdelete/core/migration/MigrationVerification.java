package dev.softdelete.core.migration;

import java.time.Instant;
import java.util.List;

/**
 * The result of a verify: rows whose new column disagrees with the transform of the old one.
 *
 * @param mismatches rows that disagree (must be 0 to reach {@link Phase#VERIFIED})
 * @param sampleKeys primary keys of up to 20 of them, smallest first
 * @param checkedAt  when the check ran
 * @param phase      the migration's phase afterwards
 */
public record MigrationVerification(long mismatches, List<Object> sampleKeys, Instant checkedAt, Phase phase) {

    public MigrationVerification {
        sampleKeys = List.copyOf(sampleKeys);
    }

    /** Whether no row disagrees. */
    public boolean passed() {
        return mismatches == 0;
    }
}
