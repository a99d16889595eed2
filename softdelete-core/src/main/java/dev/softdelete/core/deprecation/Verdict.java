package dev.softdelete.core.deprecation;

/** Whether an element may be renamed without forcing. */
public enum Verdict {
    /** No dependency would break and the evidence says nothing used it during the quiet period. */
    SAFE,
    /** At least one {@link BlockReason}; apply refuses it unless forced with a justification. */
    BLOCKED
}
