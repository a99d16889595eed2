package dev.softdelete.core.cleanup;

import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.purge.KeyRange;
import dev.softdelete.core.purge.PlanStep;
import dev.softdelete.core.purge.PurgeAction;
import dev.softdelete.core.purge.PurgePlan;
import dev.softdelete.core.purge.Purger;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.jdbc.TimestampValue;
import dev.softdelete.core.schema.LibraryTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cleanup job queue ({@code {prefix}cleanup_jobs}), shared by every instance of the
 * application. Enqueueing validates the policy first (bad input throws, nothing is queued) and
 * fixes the cutoff; a large purge can be split into key slices that several workers share.
 */
public final class CleanupQueue {

    /** Default attempts per job before it is marked FAILED. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    private final CoreContext softDelete;
    private final Purger purger;
    private final CleanupJobs jobs;
    private final ScheduleTicks ticks;
    private final AtomicLong lastLength = new AtomicLong();
    private volatile long lastSampledAt = System.nanoTime() - java.util.concurrent.TimeUnit.DAYS.toNanos(1);

    CleanupQueue(CoreContext softDelete, Purger purger) {
        this.softDelete = softDelete;
        this.purger = purger;
        this.jobs = new CleanupJobs(softDelete.jdbc(), softDelete.clock(), softDelete.schema().table(LibraryTable.CLEANUP_JOBS));
        this.ticks = new ScheduleTicks(softDelete.jdbc(), softDelete.schema().table(LibraryTable.SCHEDULE_TICKS));
    }

    /** The quoted job table name. */
    public String table() {
        return jobs.table();
    }

    /** The job table's repository, shared with the workers. */
    CleanupJobs jobs() {
        return jobs;
    }

    /** Queues one job purging (or archiving) the policy's expired rows as of now. */
    public CleanupJob enqueue(RetentionPolicy policy) {
        return enqueue(policy, 1).get(0);
    }

    /**
     * Queues the policy's purge split into up to {@code slices} jobs over equal ranges of the
     * table's (numeric) key, so that several workers can share it.
     */
    public List<CleanupJob> enqueue(RetentionPolicy policy, int slices) {
        List<CleanupJob> queued = new ArrayList<>();
        for (JobPayload payload : payloads(policy, slices)) {
            queued.add(insert(type(policy), policy.table(), payload));
        }
        return queued;
    }

    /** The payloads of the policy's jobs as of now: planned (bad input throws), split into slices. */
    private List<JobPayload> payloads(RetentionPolicy policy, int slices) {
        if (slices < 1) {
            throw new SoftDeleteException("Slices must be at least 1, got " + slices + " for table '" + policy.table() + "'.");
        }
        PurgePlan plan = purger.plan(policy);
        Instant cutoff = policy.cutoff(softDelete.clock().instant());
        List<KeyRange> ranges = slices == 1 || !plan.root().numericKey() ? List.of(KeyRange.ALL)
                : split(plan.root(), cutoff, slices);
        return ranges.stream().map(range -> new JobPayload(policy, cutoff, range)).toList();
    }

    private static JobType type(RetentionPolicy policy) {
        return policy.action() == PurgeAction.ARCHIVE ? JobType.ARCHIVE : JobType.PURGE;
    }

    /**
     * Queues the policy's jobs for one tick of a named schedule, unless an instance already did:
     * of all instances calling this with the same {@code schedule} and {@code tick}, exactly one
     * queues (the tick's claim and its jobs commit together), and a tick not after the last one
     * claimed queues nothing. Schedulers on every instance compute the same ticks (e.g. from one
     * cron expression) and call this at each; the database decides who enqueues.
     *
     * @param schedule letters, digits and {@code _ . : -}, at most 200 characters
     * @return the queued jobs (with {@code slices} key slices as {@link #enqueue(RetentionPolicy, int)}),
     *         or empty when this tick was already claimed
     */
    public List<CleanupJob> enqueueOnce(String schedule, Instant tick, RetentionPolicy policy, int slices) {
        ScheduleTicks.validName(schedule);
        List<JobPayload> payloads = payloads(policy, slices);
        ticks.ensure(schedule);
        return softDelete.jdbc().inTransaction(c -> {
            if (!ticks.claim(c, schedule, tick, softDelete.instanceId(), softDelete.clock().instant())) {
                return List.<CleanupJob>of();
            }
            List<CleanupJob> queued = new ArrayList<>();
            for (JobPayload payload : payloads) {
                queued.add(jobs.insert(c, type(policy), policy.table(), payload, DEFAULT_MAX_ATTEMPTS));
            }
            softDelete.auditLog().record(c, "SCHEDULE_ENQUEUE", "TABLE", policy.table(), null, "SUCCESS",
                    java.util.Map.of("schedule", schedule, "tick", tick, "jobs", queued.size(),
                            "action", policy.action().name()));
            return queued;
        });
    }

    /** The last tick of {@code schedule} that an instance claimed, if any. */
    public Optional<Instant> lastTick(String schedule) {
        return ticks.lastTick(ScheduleTicks.validName(schedule));
    }

    /** Queues deletion of archived rows older than the policy's archive retention. */
    public CleanupJob enqueueArchiveRetention(RetentionPolicy policy) {
        purger.plan(policy);
        return insert(JobType.ARCHIVE_RETENTION, policy.table(),
                new JobPayload(policy, softDelete.clock().instant().minus(policy.archiveRetention()), KeyRange.ALL));
    }

    /**
     * Queues a job run by the {@link JobHandler} registered for {@code type}, with that handler's
     * own payload document, linked to run {@code runId}. For features built on the queue (the
     * field-migration backfill); retention cleanup uses {@link #enqueue(RetentionPolicy, int)}.
     */
    public CleanupJob enqueueHandled(JobType type, String table, long runId, String payload) {
        if (type.carriesRetentionPolicy()) {
            throw new IllegalArgumentException(type + " jobs carry a retention policy: use enqueue(policy)");
        }
        return jobs.insert(type, table, runId, payload, DEFAULT_MAX_ATTEMPTS);
    }

    /** The jobs of {@code type} linked to run {@code runId}, oldest first. */
    public List<CleanupJob> jobsOfRun(JobType type, long runId) {
        return jobs.ofRun(type, runId);
    }

    /** As {@link #jobsOfRun(JobType, long)}, read on the caller's connection (inside its transaction). */
    public List<CleanupJob> jobsOfRun(java.sql.Connection connection, JobType type, long runId)
            throws java.sql.SQLException {
        return jobs.ofRun(connection, type, runId);
    }

    /** The stored payload text of job {@code id} (for handled job types), if the job exists. */
    public Optional<String> payloadText(long id) {
        return jobs.payloadText(id);
    }

    /**
     * Marks the QUEUED jobs of {@code type} linked to run {@code runId} FAILED with {@code message}
     * (running ones are stopped by their handler); returns how many.
     */
    public int cancelQueued(JobType type, long runId, String message) {
        return jobs.failQueued(type, runId, message);
    }

    /** Makes the QUEUED jobs of {@code type} linked to run {@code runId} due now; returns how many. */
    public int wakeUp(JobType type, long runId) {
        return jobs.wakeUp(type, runId);
    }

    /** The job with this id, if it exists. */
    public Optional<CleanupJob> find(long id) {
        return jobs.find(id);
    }

    /**
     * Returns the job with this id.
     *
     * @throws SoftDeleteException when no such job exists
     */
    public CleanupJob require(long id) {
        return find(id).orElseThrow(() -> new SoftDeleteException("Cleanup job " + id + " does not exist in "
                + jobs.table() + ". List jobs with CleanupQueue.list(...) to find the right id."));
    }

    /** The most recent jobs, newest first. */
    public List<CleanupJob> list(int limit) {
        return jobs.list(limit);
    }

    /** Jobs per status. */
    public Map<JobStatus, Long> counts() {
        return jobs.counts();
    }

    /** Jobs waiting to run (QUEUED, including retries not yet due); also updates the gauge. */
    public long length() {
        long n = jobs.countQueued();
        lastLength.set(n);
        lastSampledAt = System.nanoTime();
        return n;
    }

    /** The length last read by {@link #length()}, without a query. */
    public long lastSampledLength() {
        return lastLength.get();
    }

    /**
     * What the {@code softdelete.cleanup.queue.length} gauge reports: the length read from the
     * database when the last reading is older than {@value #GAUGE_REFRESH_SECONDS} s (whoever read
     * it: a worker, the health indicator, a scrape), else that reading. So the gauge stays true
     * when no worker runs in this instance, and a scrape queries at most once per interval. A
     * failed read keeps the last value (the failure is logged at debug).
     */
    public long gaugeLength() {
        if (System.nanoTime() - lastSampledAt > java.util.concurrent.TimeUnit.SECONDS.toNanos(GAUGE_REFRESH_SECONDS)) {
            try {
                return length();
            } catch (RuntimeException e) {
                lastSampledAt = System.nanoTime(); // do not retry on every scrape while the database is away
                org.slf4j.LoggerFactory.getLogger(CleanupQueue.class).debug("Could not read the queue length", e);
            }
        }
        return lastLength.get();
    }

    static final int GAUGE_REFRESH_SECONDS = 15;

    private CleanupJob insert(JobType type, String tableName, JobPayload payload) {
        return jobs.insert(type, tableName, payload, DEFAULT_MAX_ATTEMPTS);
    }

    private List<KeyRange> split(PlanStep root, Instant cutoff, int slices) {
        Dialect d = softDelete.dialect();
        String key = d.quote(Identifier.quoted(root.key().name()));
        String marker = d.quote(Identifier.quoted(root.marker().name()));
        long[] bounds = softDelete.jdbc().withConnection(c -> softDelete.jdbc().queryOne(c, "SELECT MIN(" + key + "), MAX("
                + key + "), COUNT(*) FROM " + d.quote(Identifier.quoted(root.name()))
                + " WHERE " + marker + " < ?", rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                new TimestampValue(cutoff, root.marker().hasTimeZone())).orElseThrow());
        if (bounds[2] == 0) {
            return List.of(KeyRange.ALL);
        }
        long from = bounds[0];
        long span = bounds[1] - from + 1;
        long step = Math.max(1, (span + slices - 1) / slices);
        List<KeyRange> ranges = new ArrayList<>();
        for (long lo = from; lo <= bounds[1]; lo += step) {
            ranges.add(new KeyRange(lo, Math.min(bounds[1], lo + step - 1)));
        }
        return ranges;
    }

}
