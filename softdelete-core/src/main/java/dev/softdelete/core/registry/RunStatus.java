package dev.softdelete.core.registry;

/** Where a run stands. Terminal: COMPLETED, FAILED, UNDONE, CANCELLED. */
public enum RunStatus {
    /** Registered; no batch has run yet. */
    PLANNED,
    /** A preview's record: counted, changed nothing. */
    PREVIEWED,
    /** A worker holds the lease and applies batches. */
    RUNNING,
    /** Stopped before the end (wave cap, error threshold or interruption); can be resumed. */
    PAUSED,
    /** Every batch applied. */
    COMPLETED,
    /** Stopped by an error; see the run's message. */
    FAILED,
    /** An applied soft-delete run whose rows a completed undo run restored. */
    UNDONE,
    /**
     * A background run stopped for good before its end: the batches it committed stay applied
     * and recorded, so it can still be undone.
     */
    CANCELLED;

    /** Returns whether the run is finished for good: COMPLETED, FAILED, UNDONE or CANCELLED. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == UNDONE || this == CANCELLED;
    }
}
