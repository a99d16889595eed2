package dev.softdelete.core.migration;

/** Which field an application instance reads during a field migration. */
public enum ReadMode {
    /** The old column only (application version V1, or after an abort). */
    OLD,
    /** The new column when it is set, else the old one: {@code COALESCE(new, old)} (version V2). */
    COALESCE,
    /** The new column only (version V3, from {@link Phase#READ_NEW}). */
    NEW
}
