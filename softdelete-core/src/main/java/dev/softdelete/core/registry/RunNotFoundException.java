package dev.softdelete.core.registry;

import dev.softdelete.core.SoftDeleteException;

/** No run with that id exists in the registry. */
public class RunNotFoundException extends SoftDeleteException {

    /** The missing run's id. */
    private final long runId;

    /** Creates the exception for run {@code runId}, looked up in {@code registryTable}. */
    public RunNotFoundException(long runId, String registryTable) {
        super("Run " + runId + " does not exist in " + registryTable
                + ". List runs with RunRegistry.list(...) to find the right id.");
        this.runId = runId;
    }

    /** Returns the id that was not found. */
    public long runId() {
        return runId;
    }
}
