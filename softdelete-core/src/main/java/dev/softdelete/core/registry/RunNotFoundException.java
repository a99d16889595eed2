package dev.softdelete.core.registry;

import dev.softdelete.core.SoftDeleteException;

/** No run with that id exists in the registry. */
public class RunNotFoundException extends SoftDeleteException {

    private final long runId;

    public RunNotFoundException(long runId, String registryTable) {
        super("Run " + runId + " does not exist in " + registryTable
                + ". List runs with RunRegistry.list(...) to find the right id.");
        this.runId = runId;
    }

    public long runId() {
        return runId;
    }
}
