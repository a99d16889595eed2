package dev.softdelete.core.cleanup;

import dev.softdelete.core.SoftDeleteException;

/**
 * This worker no longer holds the job's lease (it expired and another worker took the job over).
 * The batch in progress is rolled back; the new owner finishes the job.
 */
public class LeaseLostException extends SoftDeleteException {

    /** Creates the exception for job {@code jobId}, whose lease {@code owner} lost. */
    public LeaseLostException(long jobId, String owner) {
        super("Cleanup job " + jobId + " is no longer leased to " + owner + ": its lease expired and another"
                + " worker took it over. This batch was rolled back. If this repeats, raise the lease duration"
                + " above the longest batch plus rate-limit pause.");
    }
}
