package dev.softdelete.core.cleanup;

/** Where a cleanup job stands. QUEUED jobs also cover retries waiting for {@code next_attempt_at}. */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED
}
