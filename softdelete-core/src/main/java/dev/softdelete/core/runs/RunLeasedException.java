package dev.softdelete.core.runs;

import dev.softdelete.core.SoftDeleteException;
import java.time.Instant;

/**
 * Another worker holds the run's lease: only one worker runs a run at a time, across every
 * instance. Retry after {@link #leaseUntil()}: an expired lease is taken over.
 */
public class RunLeasedException extends SoftDeleteException {

    private final long runId;
    private final String owner;
    private final Instant leaseUntil;

    public RunLeasedException(long runId, String owner, Instant leaseUntil, String what) {
        super("Run " + runId + " " + what + " by worker '" + owner + "' (lease until " + leaseUntil
                + "). Wait for it to finish, or retry after the lease expires to take the run over.");
        this.runId = runId;
        this.owner = owner;
        this.leaseUntil = leaseUntil;
    }

    public long runId() {
        return runId;
    }

    public String owner() {
        return owner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }
}
