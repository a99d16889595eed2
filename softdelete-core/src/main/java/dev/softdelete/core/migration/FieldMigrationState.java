package dev.softdelete.core.migration;

import java.time.Instant;

/**
 * One row of {@code {prefix}field_migrations}: a migration's definition and where it stands.
 *
 * @param id             the migration's id
 * @param runId          its BACKFILL run in the run registry (counts, status)
 * @param definition     what it migrates
 * @param phase          where it stands
 * @param paused         whether its backfill is paused (by hand or past the failure threshold)
 * @param pauseReason    why, or {@code null}
 * @param options        the backfill's options, once started; or {@code null}
 * @param estimatedRows  rows that needed the backfill when it started, or {@code null}
 * @param mismatches     rows whose new column disagreed with the transform at the last verify, or {@code null}
 * @param verifiedAt     when the last verify ran, or {@code null}
 * @param createdAt      when it was defined
 * @param updatedAt      when the row last changed
 * @param rowVersion     incremented on every change
 */
public record FieldMigrationState(long id, long runId, FieldMigration definition, Phase phase, boolean paused,
        String pauseReason, BackfillOptions options, Long estimatedRows, Long mismatches, Instant verifiedAt,
        Instant createdAt, Instant updatedAt, int rowVersion) {

    /** The migration's unique name. */
    public String name() {
        return definition.name();
    }

    /** What applications should read now. */
    public ReadMode readMode() {
        return phase.readMode();
    }

    /** Whether the old column was handed over for deprecation (the migration is contracted). */
    public boolean oldColumnReadyForDeprecation() {
        return phase == Phase.CONTRACTED;
    }
}
