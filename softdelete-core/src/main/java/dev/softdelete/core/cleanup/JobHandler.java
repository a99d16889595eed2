package dev.softdelete.core.cleanup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Runs the queued jobs of one {@link JobType} that another feature enqueues with its own payload
 * (the field-migration backfill), so that such work shares the queue's claims, leases, fencing
 * tokens, retries and workers. Registered with {@link Cleanup#handle(JobType, JobHandler)}.
 *
 * <p>A handler works batch by batch. Each batch's transaction starts with
 * {@link LeasedJob#fence(Connection)} and records its progress with
 * {@link LeasedJob#recordProgress(Connection, long, String)} before it commits, so a worker that
 * lost its lease writes nothing and a new owner resumes from the last committed cursor. An
 * exception counts as a failed attempt of the job (retried with backoff, then FAILED).
 */
@FunctionalInterface
public interface JobHandler {

    /** Runs (or resumes) the job until it is done or should stop, and says how it ended. */
    Outcome run(LeasedJob job);

    /** How a handler's run of a job ended. */
    sealed interface Outcome {
    }

    /** The job is finished: the worker marks it DONE. */
    record Done() implements Outcome {
    }

    /** The worker is stopping: the job goes back to the queue without counting the attempt. */
    record Released() implements Outcome {
    }

    /** Nothing to do before {@code until} (e.g. paused): back to the queue, due then, attempt not counted. */
    record Deferred(Instant until) implements Outcome {
    }

    /** The work was cancelled: the job is marked FAILED with {@code message}, without retries. */
    record Cancelled(String message) implements Outcome {
    }

    /** A claimed job as its handler sees it. */
    interface LeasedJob {
        /** The job's id. */
        long id();

        /** The table the job works on. */
        String table();

        /** The run the job belongs to. */
        Long runId();

        /** The payload, as enqueued. */
        String payload();

        /** The cursor the last committed batch recorded, or {@code null}. */
        String cursor();

        /** Attempts started so far, this one included. */
        int attempts();

        /**
         * Renews this worker's lease under its fencing token; the first statement of every
         * transaction that changes the job's rows.
         *
         * @throws LeaseLostException when another worker holds the job now (the transaction must roll back)
         */
        void fence(Connection connection) throws SQLException;

        /** Adds {@code rows} to the job's processed rows and stores {@code cursor}, in the batch's transaction. */
        void recordProgress(Connection connection, long rows, String cursor) throws SQLException;

        /** Whether the worker was asked to stop (or interrupted): finish the batch, then return {@link Released}. */
        boolean stopRequested();

        /** Delivers {@code alert} to the worker's {@code AlertListener} (its {@link CleanupSettings}). */
        default void alert(dev.softdelete.core.alert.Alert alert) {
        }
    }
}
