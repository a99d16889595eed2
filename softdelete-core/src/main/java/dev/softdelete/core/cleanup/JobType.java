package dev.softdelete.core.cleanup;

/** What a cleanup job does. */
public enum JobType {
    /** Hard-delete expired rows of a table and its soft-deletable children. */
    PURGE,
    /** Copy expired rows to the archive, then delete them. */
    ARCHIVE,
    /** Delete archived rows older than the archive's own retention. */
    ARCHIVE_RETENTION,
    /**
     * Fill one key slice of a field migration's new column; run by the {@link JobHandler} the
     * field-migration feature registers, its payload that feature's own document.
     */
    BACKFILL;

    /** Whether the job's payload is a {@link JobPayload} (a retention policy); otherwise a registered handler's document. */
    public boolean carriesRetentionPolicy() {
        return this != BACKFILL;
    }
}
