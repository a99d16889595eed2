package dev.softdelete.core.runs;

import dev.softdelete.core.SoftDeleteException;
import java.time.Instant;

/**
 * Another worker holds the run's lease: only one worker runs a run at a time, across every
 * instance. Retry after {@link #leaseUntil()}: an expired lease is taken over.
 */
public class RunLeasedException extends SoftDeleteException {

    /** The leased run. */
    private final long runId;
    /** The worker holding the lease. */
    private final String owner;
    /** When the lease expires unless renewed. */
    private final Instant leaseUntil;

    /** Creates the exception; {@code what} is the message's verb phrase, e.g. {@code "is being worked on"}. */
    public RunLeasedException(long runId, String owner, Instant leaseUntil, String what) {
        super("Run " + runId + " " + what + " by worker '" + owner + "' (lease until " + leaseUntil
                + "). Wait for it to finish, or retry after the lease expires to take the run over.");
        this.runId = runId;
        this.owner = owner;
        this.leaseUntil = leaseUntil;
    }

    /** Returns the id of the leased run. */
    public long runId() {
        return runId;
    }

    /** Returns the worker holding the lease: its instance id and a per-call suffix. */
    public String owner() {
        return owner;
    }

    /** Returns when the lease expires unless the holder renews it. */
    public Instant leaseUntil() {
        return leaseUntil;
    }
}
