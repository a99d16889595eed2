package dev.softdelete.core.cleanup;

/** What a cleanup job does. */
public enum JobType {
    /** Hard-delete expired rows of a table and its soft-deletable children. */
    PURGE,
    /** Copy expired rows to the archive, then delete them. */
    ARCHIVE,
    /** Delete archived rows older than the archive's own retention. */
    ARCHIVE_RETENTION
}
