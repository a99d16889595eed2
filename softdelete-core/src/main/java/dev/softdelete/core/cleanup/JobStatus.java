package dev.softdelete.core.cleanup;

/** Where a cleanup job stands. QUEUED jobs also cover retries waiting for {@code next_attempt_at}. */
public enum JobStatus {
    /** Waiting for a worker, first attempt or retry. */
    QUEUED,
    /** A worker holds the lease and works on it. */
    RUNNING,
    /** Finished successfully. */
    DONE,
    /** Gave up after its last attempt. */
    FAILED
}
