package dev.softdelete.core.registry;

/** Where a run stands. Terminal: COMPLETED, FAILED, UNDONE. */
public enum RunStatus {
    PLANNED, PREVIEWED, RUNNING, PAUSED, COMPLETED, FAILED, UNDONE;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == UNDONE;
    }
}
