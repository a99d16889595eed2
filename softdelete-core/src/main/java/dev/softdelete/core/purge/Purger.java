package dev.softdelete.core.purge;

import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.internal.Document;
import dev.softdelete.core.internal.Json;
import dev.softdelete.core.logging.LogContext;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.registry.NewRun;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunRegistry;
import dev.softdelete.core.registry.RunStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention purge and archival, run synchronously on the caller's thread. Obtain it with
 * {@code softDelete.purge()}; for background, multi-instance purging use {@code softDelete.cleanup()}.
 *
 * <pre>{@code
 * RetentionPolicy policy = RetentionPolicy.archive("products").withRetention(Duration.ofDays(30));
 * PurgePreview preview = softDelete.purge().pretend(policy);  // counts and sample ids, nothing deleted
 * PurgeResult result = softDelete.purge().apply(policy);      // children first, in batches
 * }</pre>
 *
 * Every pretend and apply is a run in the registry (kind PURGE or ARCHIVE) with its counts.
 * Invalid policies (unknown table, no marker, no single-column key) throw before anything changes.
 */
public final class Purger {

    private static final Logger log = LoggerFactory.getLogger(Purger.class);

    private final CoreContext softDelete;
    private final PurgePlanner planner;
    private final PurgeExecutor executor;
    private final ArchiveTables archives;

    /** Built by {@code SoftDelete}; obtain it with {@code softDelete.purge()}. */
    public Purger(CoreContext softDelete) {
        this.softDelete = softDelete;
        this.planner = new PurgePlanner(softDelete.catalog(), softDelete.dialect(), softDelete.tables(),
                softDelete.schema());
        this.executor = new PurgeExecutor(softDelete.jdbc(), softDelete.dialect(), softDelete.clock());
        this.archives = new ArchiveTables(softDelete.catalog(), softDelete.dialect());
    }

    /** The tables a policy touches, children first, read from the catalog; validates the policy. */
    public PurgePlan plan(RetentionPolicy policy) {
        return softDelete.jdbc().withConnection(c -> planner.plan(c, policy));
    }

    /** Counts what {@link #apply} would remove now, with sample ids; records a PRETEND run. */
    public PurgePreview pretend(RetentionPolicy policy) {
        return pretend(policy, KeyRange.ALL);
    }

    /** Pretend mode over a slice of the policy table's keys. */
    public PurgePreview pretend(RetentionPolicy policy, KeyRange range) {
        PurgePlan plan = plan(policy);
        Instant cutoff = policy.cutoff(softDelete.clock().instant());
        List<TablePreview> tables = softDelete.jdbc().withConnection(c -> executor.pretend(c, plan, cutoff, range));
        long expired = tables.stream().mapToLong(TablePreview::expired).sum();
        long purgeable = tables.stream().mapToLong(TablePreview::purgeable).sum();
        RunRegistry runs = softDelete.runRegistry();
        long runId = softDelete.jdbc().inTransaction(c -> {
            long id = runs.create(c, newRun(plan, RunMode.PRETEND, cutoff, purgeable)).id();
            runs.recordBatch(c, id, expired, 0, expired - purgeable, false, null);
            runs.finish(c, id, RunStatus.COMPLETED, null, summary(tables));
            return id;
        });
        log.info("Pretend purge of {}: {} of {} expired rows would go (cutoff {})", policy.table(), purgeable,
                expired, cutoff);
        return new PurgePreview(runId, policy, cutoff, tables);
    }

    /** Purges (or archives) every expired row of the policy's table and its soft-deletable children. */
    public PurgeResult apply(RetentionPolicy policy) {
        return apply(policy, policy.cutoff(softDelete.clock().instant()));
    }

    /**
     * Purges (or archives) the rows of the policy's table (and its soft-deletable children) whose
     * marker is before an explicit {@code cutoff} instead of the policy's retention window; the
     * Hibernate integration's {@code purge(type, cutoff)} runs through it. A run like {@link #apply(RetentionPolicy)}.
     *
     * @throws PurgeConfigurationException when {@code cutoff} is after the clock's now
     */
    public PurgeResult apply(RetentionPolicy policy, Instant cutoff) {
        Instant now = softDelete.clock().instant();
        if (cutoff.isAfter(now)) {
            throw new PurgeConfigurationException("Purge cutoff " + cutoff + " for table '" + policy.table()
                    + "' is after now (" + now + "): rows deleted in the future cannot have expired. Nothing was"
                    + " changed.");
        }
        PurgePlan plan = plan(policy);
        long runId = startRun(plan, cutoff);
        String action = policy.action().name();
        try {
            PurgeResult result = softDelete.metrics().observe(MetricNames.OBSERVATION_PURGE,
                    MetricTags.of("action", action.toLowerCase(Locale.ROOT)),
                    () -> apply(plan, cutoff, KeyRange.ALL, runId, PurgeCursor.START, BatchHook.NONE));
            softDelete.runRegistry().finish(runId, RunStatus.COMPLETED, null, summary(result));
            audit(action, policy.table(), runId, "SUCCESS", Map.of("cutoff", cutoff, "rows", result.removed(),
                    "skipped", result.skipped()));
            return result;
        } catch (RuntimeException e) {
            softDelete.runRegistry().finish(runId, RunStatus.FAILED, String.valueOf(e.getMessage()), null);
            audit(action, policy.table(), runId, "FAILURE", Map.of("cutoff", cutoff, "error", String.valueOf(e.getMessage())));
            throw e;
        }
    }

    /** An audit entry for a purge or archive called directly (cleanup jobs are audited by the worker). */
    private void audit(String action, String table, long runId, String outcome, Map<String, ?> details) {
        try {
            softDelete.auditLog().record(action, "TABLE", table, runId, outcome, details);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Purger.class).warn("Could not audit the {} of {} (run {}): {}", action, table,
                    runId, e.getMessage());
        }
    }

    /**
     * Registers an APPLY run for a plan (and creates archive tables when archiving) and marks it
     * RUNNING; the cleanup worker calls this once per job.
     */
    public long startRun(PurgePlan plan, Instant cutoff) {
        return softDelete.jdbc().withConnection(c -> {
            archives.ensure(c, plan);
            return softDelete.jdbc().inTransaction(tx -> {
                long id = softDelete.runRegistry().create(tx, newRun(plan, RunMode.APPLY, cutoff, null)).id();
                softDelete.runRegistry().transition(tx, id, RunStatus.PLANNED, RunStatus.RUNNING);
                return id;
            });
        });
    }

    /**
     * Runs a plan from {@code start} within {@code range}, recording each batch on run
     * {@code runId} in the batch's own transaction, and giving {@code hook} its say.
     */
    public PurgeResult apply(PurgePlan plan, Instant cutoff, KeyRange range, long runId, PurgeCursor start,
            BatchHook hook) {
        String type = plan.policy().action().name().toLowerCase(Locale.ROOT);
        BatchHook recording = new BatchHook() {
            @Override
            public void begin(Connection connection) throws SQLException {
                hook.begin(connection);
            }

            @Override
            public void record(Connection connection, Batch batch) throws SQLException {
                softDelete.runRegistry().recordBatch(connection, runId, batch.expired(), batch.removed(),
                        batch.expired() - batch.removed(), false, batch.cursor().encode());
                hook.record(connection, batch);
            }

            @Override
            public boolean proceed(Batch batch) {
                softDelete.metrics().count(MetricNames.CLEANUP_ROWS, batch.removed(),
                        MetricTags.of("type", type, "table", batch.table().toLowerCase(Locale.ROOT)));
                return hook.proceed(batch);
            }
        };
        try (LogContext ctx = LogContext.with(LogContext.RUN_ID, runId).and(LogContext.ENTITY, plan.policy().table())) {
            long started = System.nanoTime();
            PurgeResult result = executor.apply(plan, cutoff, range, runId, start, recording);
            try (LogContext done = LogContext.with(LogContext.COUNT, result.totalRemoved())
                    .and(LogContext.DURATION_MS, (System.nanoTime() - started) / 1_000_000)) {
                log.info("Purge of {} removed {} rows, skipped {} still referenced ({} batches, cutoff {})",
                        plan.policy().table(), result.totalRemoved(), result.skipped(), result.batches(), cutoff);
            }
            return result;
        }
    }

    /**
     * Deletes archived rows older than the policy's archive retention, in batches.
     *
     * @return rows deleted from the archive tables
     */
    public long purgeArchive(RetentionPolicy policy) {
        return purgeArchive(policy, softDelete.clock().instant().minus(policy.archiveRetention()), BatchHook.NONE)
                .totalRemoved();
    }

    /**
     * Deletes archived rows with {@code archived_at} before {@code cutoff}, in batches, each in its
     * own transaction that starts with {@code hook.begin} (the cleanup worker's fence) and records
     * through {@code hook.record}. A table is done only when a batch's transaction finds no
     * eligible row left: a batch that deleted nothing because a concurrent transaction held or
     * took its rows is not read as "nothing left".
     *
     * @return rows deleted per archive table (run id 0: archive retention registers no run);
     *         incomplete when {@code hook.proceed} stopped it
     */
    public PurgeResult purgeArchive(RetentionPolicy policy, Instant cutoff, BatchHook hook) {
        PurgePlan plan = plan(policy);
        PurgeStatements statements = new PurgeStatements(softDelete.dialect());
        java.util.Map<String, Long> removed = new java.util.LinkedHashMap<>();
        long batches = 0;
        List<PlanStep> steps = plan.deleteOrder();
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            if (softDelete.catalog().find(step.archiveTable()).isEmpty()) {
                continue;
            }
            String archive = softDelete.dialect().quote(softDelete.dialect().identifier(step.archiveTable()));
            Sql eligible = Sql.empty().append("archived_at < ?", cutoff);
            Sql delete = statements.limitedDelete(archive, eligible, policy.batchSize());
            Sql left = Sql.empty().append("SELECT COUNT(*) FROM " + archive + " WHERE ").append(eligible);
            BatchHook.Batch[] last = new BatchHook.Batch[1];
            int index = i;
            while (true) {
                long[] done = softDelete.jdbc().inTransaction(c -> {
                    hook.begin(c);
                    long n = softDelete.jdbc().update(c, delete.text(), delete.args());
                    long remaining = n > 0 ? -1 : softDelete.jdbc().queryLong(c, left.text(), left.args());
                    last[0] = new BatchHook.Batch(step.archiveTable(), new PurgeCursor(index, null), n, n);
                    hook.record(c, last[0]);
                    return new long[] {n, remaining};
                });
                batches++;
                removed.merge(step.archiveTable(), done[0], Long::sum);
                if (done[0] == 0 && done[1] == 0) {
                    break;
                }
                if (!hook.proceed(last[0])) {
                    return new PurgeResult(0, policy, cutoff, removed, 0, batches, false);
                }
            }
        }
        return new PurgeResult(0, policy, cutoff, removed, 0, batches, true);
    }

    private static NewRun newRun(PurgePlan plan, RunMode mode, Instant cutoff, Long previewCount) {
        RetentionPolicy p = plan.policy();
        RunKind kind = p.action() == PurgeAction.ARCHIVE ? RunKind.ARCHIVE : RunKind.PURGE;
        return new NewRun(kind, mode, RunStatus.PLANNED, kind.name().toLowerCase(Locale.ROOT) + " " + p.table(),
                p.table(), plan.root().marker().name() + " < " + cutoff + " (retention " + p.retention() + ") on "
                + plan.tables(), Document.write("purge-spec", 1, Json.obj("table", p.table(),
                "action", p.action(), "cutoff", cutoff, "retention", p.retention(), "tables", plan.tables())), null, previewCount);
    }

    private static String summary(List<TablePreview> tables) {
        StringBuilder b = new StringBuilder();
        for (TablePreview t : tables) {
            b.append(b.length() == 0 ? "" : "; ").append(t.table()).append(": ").append(t.purgeable()).append('/')
                    .append(t.expired()).append(" purgeable").append(t.blockedBy().isEmpty() ? "" : ", blocked by " + t.blockedBy());
        }
        return truncate(b.toString());
    }

    private static String summary(PurgeResult result) {
        return truncate("removed " + result.removed() + ", skipped " + result.skipped() + " still referenced");
    }

    private static String truncate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }
}
