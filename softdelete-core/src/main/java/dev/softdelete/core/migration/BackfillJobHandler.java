package dev.softdelete.core.migration;

import dev.softdelete.core.alert.Alert;
import dev.softdelete.core.cleanup.JobHandler;
import dev.softdelete.core.cleanup.LeaseLostException;
import dev.softdelete.core.internal.BatchSizer;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.logging.LogContext;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.time.RateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one BACKFILL job (a key slice of a migration's table) on whichever instance's cleanup worker
 * claimed it. Batch by batch: check the migration (cancelled, paused), find the key {@code size}
 * rows on, and in one transaction renew the lease (fencing token), fill the rows of that range that
 * still need it, move the job's cursor and add to the run's counts. A failed batch is retried
 * with backoff; past the failure threshold the migration is paused and the job deferred.
 */
final class BackfillJobHandler implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(BackfillJobHandler.class);

    private final CoreContext context;
    private final FieldMigrations migrations;
    /** The batch size last reached per migration on this instance: the next slice starts there, not from scratch. */
    private final java.util.concurrent.ConcurrentHashMap<Long, Integer> learned = new java.util.concurrent.ConcurrentHashMap<>();

    BackfillJobHandler(CoreContext context, FieldMigrations migrations) {
        this.context = context;
        this.migrations = migrations;
    }

    @Override
    public Outcome run(LeasedJob job) {
        BackfillSlice slice = BackfillSlice.decode(job.payload());
        Optional<FieldMigrationState> found = migrations.store().find(slice.migrationId());
        if (found.isEmpty()) {
            return new Cancelled("Field migration " + slice.migrationId() + " no longer exists; backfill slice cancelled.");
        }
        FieldMigrationState m = found.get();
        try (LogContext ctx = LogContext.with(LogContext.RUN_ID, m.runId())) {
            return run(job, slice, m);
        }
    }

    private Outcome run(LeasedJob job, BackfillSlice slice, FieldMigrationState start) {
        FieldMigrationState m = start;
        BackfillOptions options = m.options();
        MigrationSql sql = migrations.sql(m.definition());
        String update = sql.update();
        String boundary = sql.boundary();
        String bypass = context.dialect().dualWriteBypass();
        BackfillSlice.Cursor resumed = job.cursor() == null ? null : BackfillSlice.Cursor.decode(job.cursor());
        long cursor = resumed == null ? slice.after() : resumed.after();
        int firstSize = resumed != null && resumed.batchSize() != null ? resumed.batchSize()
                : learned.getOrDefault(m.id(), options.batchSize());
        BatchSizer sizer = new BatchSizer(firstSize, options.minBatchSize(), options.maxBatchSize(),
                options.targetBatchDuration());
        RateLimiter limiter = new RateLimiter(options.rowsPerSecond(), context.clock(), migrations.sleeper());
        int attempt = 0;
        boolean first = true;
        MetricTags tags = MetricTags.of("kind", "backfill", "table", m.definition().table());
        while (true) {
            if (!first) {
                m = migrations.store().find(m.id()).orElse(null);
                if (m == null) {
                    return new Cancelled("Field migration " + slice.migrationId() + " no longer exists.");
                }
            }
            first = false;
            if (m.phase() != Phase.BACKFILL || job.runId() == null || job.runId() != m.runId()) {
                return new Cancelled("Field migration '" + m.name() + "' is in phase " + m.phase()
                        + "; its backfill slice was cancelled.");
            }
            if (m.paused()) {
                return new Deferred(context.clock().instant().plus(options.pausedRecheck()));
            }
            if (cursor >= slice.upTo()) {
                migrations.completeIfFinished(m);
                return new Done();
            }
            if (job.stopRequested()) {
                return new Released();
            }
            long from = cursor;
            int size = sizer.size();
            long started = System.nanoTime();
            try {
                long[] batch = context.jdbc().inTransaction(c -> {
                    job.fence(c);
                    if (bypass != null) {
                        try (java.sql.Statement s = c.createStatement()) {
                            s.execute(bypass);
                        }
                    }
                    long hi = context.jdbc().queryOne(c, boundary, rs -> rs.getLong(1), from, slice.upTo(), size - 1)
                            .orElse(slice.upTo());
                    int updated = context.jdbc().update(c, update, from, hi);
                    job.recordProgress(c, updated, new BackfillSlice.Cursor(hi, hi >= slice.upTo(), size).encode());
                    context.runRegistry().recordBatch(c, start.runId(), updated, updated, 0, false, null);
                    return new long[] {hi, updated};
                });
                cursor = batch[0];
                attempt = 0;
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                context.metrics().count(MetricNames.RUNS_ROWS, batch[1], tags);
                context.metrics().time(MetricNames.RUNS_BATCH_DURATION, took, tags);
                sizer.record(took);
                learned.put(m.id(), sizer.size());
                try {
                    limiter.acquire(batch[1]);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Released();
                }
            } catch (LeaseLostException e) {
                throw e;
            } catch (RuntimeException e) {
                attempt++;
                sizer.failed();
                context.jdbc().inTransaction(c -> {
                    context.runRegistry().recordBatch(c, start.runId(), 0, 0, 0, true, null);
                    return null;
                });
                RunRecord run = context.runRegistry().require(start.runId());
                boolean overRate = run.batchCount() >= options.minimumBatches()
                        && run.failedBatches() > options.failureRate() * run.batchCount();
                log.warn("Backfill of '{}' (job {}): batch after key {} failed (attempt {} of {}): {}", m.name(),
                        job.id(), from, attempt, options.maxBatchAttempts(), e.getMessage());
                if (attempt >= options.maxBatchAttempts() || overRate) {
                    String reason = (overRate ? String.format(java.util.Locale.ROOT,
                            "%d of %d batches failed (threshold %.1f%%)", run.failedBatches(), run.batchCount(),
                            options.failureRate() * 100) : "a batch failed " + attempt + " times")
                            + "; last error, after key " + from + " of " + m.definition().table() + ": " + e.getMessage()
                            + ". Fix the cause, then resume the backfill.";
                    migrations.pauseForFailures(m, reason);
                    job.alert(new Alert("field_migration.backfill_paused", Alert.Severity.CRITICAL, m.definition().table(),
                            "Backfill of field migration '" + m.name() + "' paused: " + reason,
                            context.clock().instant(), Map.of("migration", m.name(), "failed_batches",
                                    String.valueOf(run.failedBatches()), "batches", String.valueOf(run.batchCount()))));
                    return new Deferred(context.clock().instant().plus(options.pausedRecheck()));
                }
                try {
                    migrations.sleeper().sleep(Duration.ofMillis(100L << Math.min(6, attempt - 1)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new Released();
                }
            }
        }
    }
}
