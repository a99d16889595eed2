package dev.softdelete.core.registry;

/** Where a run stands. Terminal: COMPLETED, FAILED, UNDONE. */
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
    UNDONE;

    /** Returns whether the run is finished for good: COMPLETED, FAILED or UNDONE. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == UNDONE;
    }
}
