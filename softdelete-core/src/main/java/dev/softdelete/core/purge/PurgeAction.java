package dev.softdelete.core.purge;

/** What happens to rows whose retention window has passed. */
public enum PurgeAction {
    /** Hard-delete them. */
    PURGE,
    /** Copy them to an archive table, then delete them, in the same transaction. */
    ARCHIVE
}
