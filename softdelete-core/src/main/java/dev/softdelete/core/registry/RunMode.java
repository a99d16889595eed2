package dev.softdelete.core.registry;

/** How a run touches data: PREVIEW and PRETEND write nothing but the registry row. */
public enum RunMode {
    PREVIEW, PRETEND, APPLY, UNDO
}
