package dev.softdelete.core.deprecation;

/** Where a registry row ({@code deprecations.status}) stands. */
public enum DeprecationState {
    /** Watched ({@link Deprecations#watch}), not renamed yet. */
    PLANNED,
    /** Renamed to its deprecated name by a deprecation run. */
    APPLIED,
    /** Renamed back by a rollback. */
    ROLLED_BACK
}
