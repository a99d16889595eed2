package dev.softdelete.core.registry;

/** How a run touches data: PREVIEW and PRETEND write nothing but the registry row. */
public enum RunMode {
    /** Counts the rows a soft-delete run would change and samples their ids. */
    PREVIEW,
    /** Counts what a purge or archive would delete (a dry run). */
    PRETEND,
    /** Changes data. */
    APPLY,
    /** Reverts the rows an earlier run soft-deleted. */
    UNDO
}
