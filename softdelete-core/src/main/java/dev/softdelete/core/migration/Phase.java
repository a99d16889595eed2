package dev.softdelete.core.migration;

/**
 * Where a field migration stands. The happy path is {@code EXPAND -> DUAL_WRITE -> BACKFILL ->
 * VERIFIED -> READ_NEW -> CONTRACTED}; {@code ABORTED} is reachable from every phase before
 * {@code CONTRACTED} and leaves the old column authoritative.
 */
public enum Phase {
    /** The new column exists (nullable, no default); nothing writes it yet. Applications read the old column. */
    EXPAND,
    /** Triggers keep the new column in step with every write; applications read new-else-old. */
    DUAL_WRITE,
    /** Dual write, and the backfill jobs fill the rows written before it began. */
    BACKFILL,
    /** The backfill finished and no row's new column disagrees with the transform of the old one. */
    VERIFIED,
    /** Applications read the new column only; triggers still keep the old one in step (abort is still possible). */
    READ_NEW,
    /** Triggers removed; the old column is left in place, recorded as ready for deprecation. Final. */
    CONTRACTED,
    /** Stopped: triggers removed, backfill cancelled, the old column authoritative; the new column is left in place. Final. */
    ABORTED;

    /** What applications should read in this phase. */
    public ReadMode readMode() {
        return switch (this) {
            case EXPAND, ABORTED -> ReadMode.OLD;
            case DUAL_WRITE, BACKFILL, VERIFIED -> ReadMode.COALESCE;
            case READ_NEW, CONTRACTED -> ReadMode.NEW;
        };
    }

    /** Whether the migration can still be aborted (every phase before {@code CONTRACTED}, and not twice). */
    public boolean isAbortable() {
        return this != CONTRACTED && this != ABORTED;
    }

    /** Whether the library's triggers are (or may be) installed in this phase. */
    public boolean hasTriggers() {
        return this == DUAL_WRITE || this == BACKFILL || this == VERIFIED || this == READ_NEW;
    }
}
