package dev.softdelete.core.registry;

/** What a run does. */
public enum RunKind {
    /** Soft-deletes rows matched by rules. */
    SOFT_DELETE,
    /** Reverses another run (its {@code parent_run_id}). */
    UNDO,
    /** Hard-deletes rows soft-deleted before a cutoff. */
    PURGE,
    /** Copies rows to an archive table, then deletes them. */
    ARCHIVE,
    /** Fills a new column from an old one in batches. */
    BACKFILL,
    /** Renames an element to its deprecated name, or back. */
    DEPRECATION
}
