package dev.softdelete.core.migration;

import dev.softdelete.core.catalog.ColumnInfo;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.cleanup.Cleanup;
import dev.softdelete.core.cleanup.CleanupJob;
import dev.softdelete.core.cleanup.CleanupQueue;
import dev.softdelete.core.cleanup.JobStatus;
import dev.softdelete.core.cleanup.JobType;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.DualWriteTrigger;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.migration.internal.H2DualWriteTrigger;
import dev.softdelete.core.registry.NewRun;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.time.Sleeper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zero-downtime field migrations: rename, copy or denormalize a column while every application
 * instance keeps reading and writing. Obtain it with {@code softDelete.fieldMigrations()}.
 *
 * <pre>{@code
 * FieldMigrations fm = softDelete.fieldMigrations();
 * fm.expand(FieldMigration.rename("users", "full_name", "display_name")); // ADD COLUMN, nullable
 * fm.startDualWrite("users.full_name->display_name");  // triggers keep both columns in step
 * fm.startBackfill("users.full_name->display_name");   // BACKFILL jobs on the cleanup queue
 * fm.progress(name);                                   // from any instance: rows, ETA
 * fm.verify(name);                                     // 0 mismatches -> VERIFIED
 * fm.readNew(name);                                    // applications read display_name only
 * fm.contract(name);                                   // triggers removed, full_name left for deprecation
 * }</pre>
 *
 * Every phase change is a compare-and-set on the migration's row, audited in the same
 * transaction; a refused step (for example {@link #readNew} before {@code VERIFIED}) throws
 * {@link FieldMigrationStateException} and is audited as {@code REFUSED}. DDL (add column, index,
 * triggers) runs with a short lock wait and is retried, so it never queues behind a long
 * transaction for minutes. The backfill runs on the cleanup workers of whichever instances run
 * them: start workers with {@code softDelete.cleanup().scheduler(...)}.
 */
public final class FieldMigrations {

    private static final Logger log = LoggerFactory.getLogger(FieldMigrations.class);
    /** Document action prefix and target type of audit entries. */
    static final String AUDIT_TARGET = "FIELD_MIGRATION";
    /** How long an instance's report of what it reads counts for {@link #contract(String)}. */
    public static final Duration DEFAULT_READER_WINDOW = Duration.ofMinutes(10);
    private static final int SAMPLE = 20;

    private final CoreContext context;
    private final CleanupQueue queue;
    private final FieldMigrationStore store;
    private volatile Sleeper sleeper = Sleeper.system();

    /** Built by {@code SoftDelete}; registers the BACKFILL job handler with the cleanup workers. */
    public FieldMigrations(CoreContext context, Cleanup cleanup) {
        this.context = context;
        this.queue = cleanup.queue();
        this.store = new FieldMigrationStore(context.jdbc(), context.schema(), context.clock());
        cleanup.handle(JobType.BACKFILL, new BackfillJobHandler(context, this));
    }

    /**
     * How this instance's backfill batches wait (rate limit, retry backoff); default
     * {@link Sleeper#system()}. Tests pass one that advances a {@code SettableClock}.
     */
    public void useSleeper(Sleeper sleeper) {
        this.sleeper = java.util.Objects.requireNonNull(sleeper, "sleeper");
    }

    Sleeper sleeper() {
        return sleeper;
    }

    FieldMigrationStore store() {
        return store;
    }

    // ------------------------------------------------------------------------------ reading

    /** The migration named {@code name}, if defined. */
    public Optional<FieldMigrationState> find(String name) {
        return store.find(name);
    }

    /**
     * The migration named {@code name}.
     *
     * @throws FieldMigrationException when there is none
     */
    public FieldMigrationState require(String name) {
        return find(name).orElseThrow(() -> new FieldMigrationException("No field migration named '" + name
                + "' exists. List them with fieldMigrations().list(50)."));
    }

    /** The most recent migrations, newest first. */
    public List<FieldMigrationState> list(int limit) {
        return store.list(limit);
    }

    /** What applications should read for migration {@code name} now. */
    public ReadMode readMode(String name) {
        return require(name).readMode();
    }

    /**
     * Records that this instance reads {@code mode} for migration {@code name} (the Hibernate
     * helper calls it; applications with their own SQL call it at start-up and on a switch).
     * {@link #contract} is refused while an instance's recent report is not {@link ReadMode#NEW}.
     */
    public void reportReading(String name, ReadMode mode) {
        store.reportReader(require(name).id(), context.instanceId(), mode);
    }

    // ------------------------------------------------------------------------------ expand

    /**
     * Defines the migration and adds its new column: nullable, no default (no table rewrite on any
     * supported database), plus its index when asked (online where the database can). The DDL
     * waits at most {@link FieldMigration#ddlLockTimeout()} for the table's lock and is retried
     * {@link FieldMigration#ddlAttempts()} times. Calling it again for the same definition in
     * {@code EXPAND} repeats the (idempotent) DDL.
     *
     * @throws FieldMigrationException when the table, a column or the key does not fit, or the lock was never granted
     */
    public FieldMigrationState expand(FieldMigration definition) {
        if (context.schema().isLibraryTable(definition.table())) {
            throw new FieldMigrationException("Table '" + definition.table() + "' is one of the library's own tables;"
                    + " field migrations work on application tables only.");
        }
        Dialect dialect = context.dialect();
        TableInfo table = context.catalog().require(definition.table());
        ColumnInfo old = context.catalog().requireColumn(table, definition.oldColumn());
        integerKey(table);
        String type = definition.newColumnType();
        if (definition.transform() instanceof Transform.Lookup l) {
            TableInfo ref = context.catalog().require(l.table());
            context.catalog().requireColumn(ref, l.keyColumn());
            ColumnInfo value = context.catalog().requireColumn(ref, l.valueColumn());
            if (type == null) {
                type = derivedType(value, definition);
            }
        } else if (definition.transform() instanceof Transform.Expression e) {
            validator().validateValue(e.sql(), table.name(), columnNames(table));
            if (type == null) {
                throw new FieldMigrationException("Field migration '" + definition.name() + "': the type of an"
                        + " expression cannot be derived; give it with withNewColumnType(...).");
            }
        } else if (type == null) {
            type = derivedType(old, definition);
        }
        Optional<FieldMigrationState> existing = store.find(definition.name());
        FieldMigrationState m;
        if (existing.isPresent()) {
            m = existing.get();
            if (!m.definition().equals(definition)) {
                throw new FieldMigrationException("A field migration named '" + definition.name() + "' already exists"
                        + " with another definition (" + m.definition().describe() + "); choose another name.");
            }
            if (m.phase() != Phase.EXPAND) {
                return m;
            }
        } else {
            if (table.hasColumn(definition.newColumn())) {
                throw new FieldMigrationException("Table '" + table.name() + "' already has a column '"
                        + definition.newColumn() + "'. A field migration adds its new column itself; choose another"
                        + " name or drop that column.");
            }
            m = context.jdbc().inTransaction(c -> {
                RunRecord run = context.runRegistry().create(c, newRun(definition, null));
                long id = store.insert(c, run.id(), definition);
                return store.find(c, id).orElseThrow();
            });
        }
        Identifier t = Identifier.quoted(table.name());
        Identifier column = dialect.identifier(dialect.catalogName(Identifier.of(definition.newColumn())));
        List<String> statements = new ArrayList<>();
        statements.add(dialect.addColumnIfNotExists(t, Identifier.quoted(column.name()), type));
        FieldMigrationState expanded = m;
        try {
            ddl(definition, "add column " + definition.newColumn() + " to " + table.name(), statements,
                    context.jdbc().timeouts().statement(), List.of());
            if (definition.index()) {
                Identifier index = Identifier.of(context.schema().prefix() + "fm" + m.id() + "_ix");
                ddl(definition, "index " + table.name() + "." + definition.newColumn(),
                        List.of(dialect.createIndexOnline(t, index, Identifier.quoted(column.name()))),
                        Duration.ofHours(6), List.of(dialect.dropIndexOnline(t, index)));
            }
        } catch (RuntimeException e) {
            context.auditLog().record(action("expand"), AUDIT_TARGET, m.name(), m.runId(), "FAILURE",
                    Map.of("error", String.valueOf(e.getMessage())));
            throw e;
        }
        context.auditLog().record(action("expand"), AUDIT_TARGET, expanded.name(), expanded.runId(), "SUCCESS",
                details(expanded, "column_type", type, "index", definition.index()));
        return require(definition.name());
    }

    // ------------------------------------------------------------------------------ dual write

    /**
     * Installs the dual-write triggers ({@code EXPAND -> DUAL_WRITE}): from now on every write,
     * through any code path, keeps the new column in step (and, for a copy, a write of only the
     * new column is copied back to the old one, so older readers stay right).
     */
    public FieldMigrationState startDualWrite(String name) {
        FieldMigrationState m = require(name);
        if (m.phase() == Phase.DUAL_WRITE) {
            return m;
        }
        requirePhase(m, "start dual write", Phase.EXPAND);
        ddl(m.definition(), "install the dual-write triggers on " + m.definition().table(),
                context.dialect().createDualWriteTriggers(trigger(m)), context.jdbc().timeouts().statement(), List.of());
        return transition(m, "dual_write", Phase.EXPAND, Phase.DUAL_WRITE, Map.of());
    }

    // ------------------------------------------------------------------------------ backfill

    /** {@link #startBackfill(String, BackfillOptions)} with {@link BackfillOptions#defaults()}. */
    public List<CleanupJob> startBackfill(String name) {
        return startBackfill(name, BackfillOptions.defaults());
    }

    /**
     * Starts the backfill ({@code DUAL_WRITE -> BACKFILL}): splits the table's key range into
     * {@link BackfillOptions#slices()} slices and enqueues one BACKFILL job per slice on the
     * cleanup queue. Returns at once; cleanup workers of any instance run the jobs.
     *
     * @return the jobs enqueued
     */
    public List<CleanupJob> startBackfill(String name, BackfillOptions options) {
        FieldMigrationState m = require(name);
        requirePhase(m, "start the backfill", Phase.DUAL_WRITE);
        MigrationSql sql = sql(m.definition());
        long[] bounds = context.jdbc().withConnection(c -> context.jdbc().queryOne(c, sql.bounds(),
                rs -> new long[] {rs.getLong(1), rs.getObject(1) == null ? 1 : 0, rs.getLong(2), rs.getLong(3)})
                .orElseThrow());
        List<BackfillSlice> slices = slices(m.id(), bounds[1] == 1, bounds[0], bounds[2], options.slices());
        long estimate = bounds[3];
        FieldMigrationState started = context.jdbc().inTransaction(c -> {
            RunRecord run = context.runRegistry().require(c, m.runId());
            long runId = run.id();
            if (run.status() != RunStatus.PLANNED) {
                runId = context.runRegistry().create(c, newRun(m.definition(), run.id())).id();
                store.setRunId(c, m.id(), runId);
            }
            if (!store.startBackfill(c, m.id(), Phase.DUAL_WRITE, options, estimate)) {
                throw refusedNow(m, "start the backfill");
            }
            context.runRegistry().transition(c, runId, RunStatus.PLANNED, RunStatus.RUNNING);
            FieldMigrationState now = store.find(c, m.id()).orElseThrow();
            context.auditLog().record(c, action("backfill_started"), AUDIT_TARGET, m.name(), runId, "SUCCESS",
                    details(now, "slices", slices.size(), "estimated_rows", estimate, "batch_size",
                            options.batchSize(), "rows_per_second", String.valueOf(options.rowsPerSecond())));
            return now;
        });
        List<CleanupJob> jobs = new ArrayList<>();
        for (BackfillSlice slice : slices) {
            jobs.add(queue.enqueueHandled(JobType.BACKFILL, started.definition().table(), started.runId(),
                    slice.encode()));
        }
        log.info("Field migration '{}': backfill of ~{} rows enqueued as {} jobs (run {})", name, estimate, jobs.size(),
                started.runId());
        return jobs;
    }

    private static List<BackfillSlice> slices(long migrationId, boolean empty, long min, long max, int count) {
        if (empty) {
            return List.of(new BackfillSlice(migrationId, 0, 0));
        }
        long span = max - min + 1;
        long step = Math.max(1, (span + count - 1) / count);
        List<BackfillSlice> slices = new ArrayList<>();
        for (long after = min - 1; after < max; after += step) {
            slices.add(new BackfillSlice(migrationId, after, Math.min(max, after + step)));
        }
        return slices;
    }

    /** How far the backfill is, read from the database (works from any instance). */
    public BackfillProgress progress(String name) {
        FieldMigrationState m = require(name);
        RunRecord run = context.runRegistry().require(m.runId());
        Map<String, List<CleanupJob>> bySlice = bySlice(queue.jobsOfRun(JobType.BACKFILL, m.runId()));
        int done = 0;
        int failed = 0;
        for (List<CleanupJob> sliceJobs : bySlice.values()) {
            if (sliceJobs.stream().anyMatch(FieldMigrations::isFinished)) {
                done++;
            } else if (sliceJobs.stream().allMatch(j -> j.status() == JobStatus.FAILED)) {
                failed++;
            }
        }
        boolean complete = !bySlice.isEmpty() && done == bySlice.size();
        if (complete && m.phase() == Phase.BACKFILL && run.status() == RunStatus.RUNNING) {
            completeIfFinished(m);
            run = context.runRegistry().require(m.runId());
        }
        long rows = run.affectedCount();
        long estimate = m.estimatedRows() == null ? 0 : m.estimatedRows();
        double rate = 0;
        Duration eta = null;
        if (run.startedAt() != null) {
            Instant end = run.finishedAt() != null ? run.finishedAt() : context.clock().instant();
            double seconds = Duration.between(run.startedAt(), end).toMillis() / 1000.0;
            if (seconds > 0 && rows > 0) {
                rate = rows / seconds;
                if (!complete) {
                    eta = Duration.ofSeconds((long) Math.ceil(Math.max(0, estimate - rows) / rate));
                }
            }
        }
        return new BackfillProgress(m.phase(), m.paused(), m.pauseReason(), rows, estimate, run.batchCount(),
                run.failedBatches(), done, bySlice.size(), failed, rate, eta, complete);
    }

    static boolean isFinished(CleanupJob job) {
        return job.status() == JobStatus.DONE || (job.status() != JobStatus.FAILED && job.cursor() != null
                && BackfillSlice.Cursor.decode(job.cursor()).finished());
    }

    /** The jobs of a run grouped by the slice (key range, i.e. payload) they fill. */
    private Map<String, List<CleanupJob>> bySlice(List<CleanupJob> jobs) {
        Map<String, List<CleanupJob>> result = new LinkedHashMap<>();
        for (CleanupJob job : jobs) {
            result.computeIfAbsent(queue.payloadText(job.id()).orElse(""), k -> new ArrayList<>()).add(job);
        }
        return result;
    }

    /** Marks the run COMPLETED when every slice has finished (idempotent; any instance may call it). */
    void completeIfFinished(FieldMigrationState m) {
        boolean completed = context.jdbc().inTransaction(c -> {
            List<CleanupJob> jobs = queue.jobsOfRun(c, JobType.BACKFILL, m.runId());
            Set<String> slices = new LinkedHashSet<>();
            Set<String> finished = new LinkedHashSet<>();
            for (CleanupJob job : jobs) {
                String key = queue.payloadText(job.id()).orElse("");
                slices.add(key);
                if (isFinished(job)) {
                    finished.add(key);
                }
            }
            if (!slices.isEmpty() && finished.containsAll(slices)
                    && context.runRegistry().transition(c, m.runId(), RunStatus.RUNNING, RunStatus.COMPLETED)) {
                RunRecord run = context.runRegistry().require(c, m.runId());
                context.auditLog().record(c, action("backfill_completed"), AUDIT_TARGET, m.name(), m.runId(), "SUCCESS",
                        details(m, "rows", run.affectedCount(), "batches", run.batchCount(), "failed_batches",
                                run.failedBatches()));
                log.info("Field migration '{}': backfill complete, {} rows in {} batches", m.name(),
                        run.affectedCount(), run.batchCount());
                return true;
            }
            return false;
        });
        if (completed) {
            context.metrics().count(dev.softdelete.core.metrics.MetricNames.RUNS, 1,
                    dev.softdelete.core.metrics.MetricTags.of("kind", "backfill", "outcome", "completed"));
        }
    }

    /** Pauses the backfill (any instance): workers finish their batch and leave the jobs queued. */
    public FieldMigrationState pause(String name) {
        FieldMigrationState m = require(name);
        if (m.phase() == Phase.BACKFILL && m.paused()) {
            return m;
        }
        requirePhase(m, "pause the backfill", Phase.BACKFILL);
        return setPaused(m, true, "paused by " + context.actors().currentActor(), "backfill_paused", "SUCCESS");
    }

    /** Pauses after failures (called by the job handler). */
    void pauseForFailures(FieldMigrationState m, String reason) {
        log.error("Field migration '{}': backfill paused: {}", m.name(), reason);
        try {
            setPaused(m, true, reason, "backfill_paused", "FAILURE");
        } catch (FieldMigrationStateException alreadyPaused) {
            log.debug("Field migration '{}' was paused already", m.name());
        }
    }

    /** Resumes a paused backfill: its queued jobs become due at once, and failed slices are enqueued again. */
    public FieldMigrationState resume(String name) {
        FieldMigrationState m = require(name);
        requirePhase(m, "resume the backfill", Phase.BACKFILL);
        FieldMigrationState resumed = m.paused() ? setPaused(m, false, null, "backfill_resumed", "SUCCESS") : m;
        queue.wakeUp(JobType.BACKFILL, resumed.runId());
        bySlice(queue.jobsOfRun(JobType.BACKFILL, resumed.runId())).forEach((payload, jobs) -> {
            if (jobs.stream().allMatch(j -> j.status() == JobStatus.FAILED)) {
                queue.enqueueHandled(JobType.BACKFILL, resumed.definition().table(), resumed.runId(), payload);
            }
        });
        return resumed;
    }

    private FieldMigrationState setPaused(FieldMigrationState m, boolean paused, String reason, String action,
            String outcome) {
        return context.jdbc().inTransaction(c -> {
            if (!store.setPaused(c, m.id(), paused, reason)) {
                throw refusedNow(m, paused ? "pause the backfill" : "resume the backfill");
            }
            context.runRegistry().transition(c, m.runId(), paused ? RunStatus.RUNNING : RunStatus.PAUSED,
                    paused ? RunStatus.PAUSED : RunStatus.RUNNING);
            context.auditLog().record(c, action(action), AUDIT_TARGET, m.name(), m.runId(), outcome,
                    details(m, "reason", reason == null ? "" : reason));
            return store.find(c, m.id()).orElseThrow();
        });
    }

    /**
     * Cancels the backfill ({@code BACKFILL -> DUAL_WRITE}): queued jobs are marked FAILED, running
     * ones stop after their batch; rows already filled stay filled and dual write goes on. Start it
     * again with {@link #startBackfill} (a new run).
     */
    public FieldMigrationState cancel(String name) {
        FieldMigrationState m = require(name);
        requirePhase(m, "cancel the backfill", Phase.BACKFILL);
        String message = "Backfill cancelled by " + context.actors().currentActor();
        FieldMigrationState cancelled = context.jdbc().inTransaction(c -> {
            if (!store.casPhase(c, m.id(), Phase.BACKFILL, Phase.DUAL_WRITE)) {
                throw refusedNow(m, "cancel the backfill");
            }
            store.clearPause(c, m.id());
            RunRecord run = context.runRegistry().require(c, m.runId());
            if (!run.status().isTerminal()) {
                context.runRegistry().finish(c, m.runId(), RunStatus.FAILED, message, null);
            }
            context.auditLog().record(c, action("backfill_cancelled"), AUDIT_TARGET, m.name(), m.runId(), "SUCCESS",
                    details(m));
            return store.find(c, m.id()).orElseThrow();
        });
        queue.cancelQueued(JobType.BACKFILL, m.runId(), message);
        return cancelled;
    }

    // ------------------------------------------------------------------------------ verify, read new

    /**
     * Counts the rows whose new column disagrees with the transform of the old one, with up to 20
     * of their keys. After a complete backfill with no mismatch the migration moves to
     * {@code VERIFIED}; a mismatch found again in {@code VERIFIED} moves it back to {@code BACKFILL}.
     *
     * @throws FieldMigrationStateException before the backfill has completed
     */
    public MigrationVerification verify(String name) {
        FieldMigrationState m = require(name);
        requirePhase(m, "verify", Phase.BACKFILL, Phase.VERIFIED);
        if (m.phase() == Phase.BACKFILL) {
            BackfillProgress progress = progress(name);
            if (!progress.complete()) {
                throw refused(m, "verify", "its backfill is not complete (" + progress.slicesDone() + " of "
                        + progress.slicesTotal() + " slices done" + (m.paused() ? ", paused: " + m.pauseReason() : "")
                        + "); wait for the workers, or resume the backfill");
            }
        }
        MigrationSql sql = sql(m.definition());
        long mismatches = context.jdbc().withConnection(c -> context.jdbc().queryLong(c, sql.countMismatches()));
        List<Object> sample = mismatches == 0 ? List.of() : context.jdbc().withConnection(c -> context.jdbc()
                .query(c, sql.sampleMismatches(), rs -> rs.getObject(1), SAMPLE));
        Instant now = context.clock().instant();
        FieldMigrationState after = context.jdbc().inTransaction(c -> {
            store.setVerification(c, m.id(), mismatches, now);
            if (mismatches == 0 && m.phase() == Phase.BACKFILL) {
                store.casPhase(c, m.id(), Phase.BACKFILL, Phase.VERIFIED);
            } else if (mismatches > 0 && m.phase() == Phase.VERIFIED) {
                store.casPhase(c, m.id(), Phase.VERIFIED, Phase.BACKFILL);
            }
            context.auditLog().record(c, action("verify"), AUDIT_TARGET, m.name(), m.runId(),
                    mismatches == 0 ? "SUCCESS" : "FAILURE", details(m, "mismatches", mismatches, "sample_keys",
                            sample.stream().map(String::valueOf).toList()));
            return store.find(c, m.id()).orElseThrow();
        });
        return new MigrationVerification(mismatches, sample, now, after.phase());
    }

    /**
     * Switches reads to the new column ({@code VERIFIED -> READ_NEW}): the Hibernate helper reads
     * the new column only. Dual write goes on, so {@link #abort} is still possible.
     *
     * @throws FieldMigrationStateException unless the migration is {@code VERIFIED}
     */
    public FieldMigrationState readNew(String name) {
        FieldMigrationState m = require(name);
        if (m.phase() == Phase.READ_NEW) {
            return m;
        }
        requirePhase(m, "switch reads to the new column (READ_NEW)", Phase.VERIFIED);
        return transition(m, "read_new", Phase.VERIFIED, Phase.READ_NEW, Map.of());
    }

    // ------------------------------------------------------------------------------ contract, abort

    /** {@link #contract(String, Duration)} with {@link #DEFAULT_READER_WINDOW}. */
    public FieldMigrationState contract(String name) {
        return contract(name, DEFAULT_READER_WINDOW);
    }

    /**
     * Ends the migration ({@code READ_NEW -> CONTRACTED}): removes the triggers and records the old
     * column as ready for deprecation (audit action {@code field_migration.old_column_deprecable});
     * the old column is never dropped here.
     *
     * @param readerWindow reports of what instances read that are older than this are ignored
     * @throws FieldMigrationStateException unless {@code READ_NEW}, or while an instance reported
     *                                      reading the old column within {@code readerWindow}
     */
    public FieldMigrationState contract(String name, Duration readerWindow) {
        FieldMigrationState m = require(name);
        if (m.phase() == Phase.CONTRACTED) {
            return m;
        }
        requirePhase(m, "contract", Phase.READ_NEW);
        Map<String, ReadMode> readers = store.readers(m.id(), context.clock().instant().minus(readerWindow));
        Map<String, ReadMode> stillOld = new LinkedHashMap<>();
        readers.forEach((instance, mode) -> {
            if (mode != ReadMode.NEW) {
                stillOld.put(instance, mode);
            }
        });
        if (!stillOld.isEmpty()) {
            throw refused(m, "contract", "instances still report reading the old column within the last " + readerWindow
                    + ": " + stillOld + "; deploy the version that reads the new column everywhere (or wait for"
                    + " those reports to age out)");
        }
        ddl(m.definition(), "remove the dual-write triggers from " + m.definition().table(),
                context.dialect().dropDualWriteTriggers(trigger(m)), context.jdbc().timeouts().statement(), List.of());
        FieldMigrationState contracted = context.jdbc().inTransaction(c -> {
            if (!store.casPhase(c, m.id(), Phase.READ_NEW, Phase.CONTRACTED)) {
                throw refusedNow(m, "contract");
            }
            RunRecord run = context.runRegistry().require(c, m.runId());
            if (!run.status().isTerminal()) {
                context.runRegistry().finish(c, m.runId(), RunStatus.COMPLETED, null, null);
            }
            context.auditLog().record(c, action("contract"), AUDIT_TARGET, m.name(), m.runId(), "SUCCESS", details(m));
            context.auditLog().record(c, action("old_column_deprecable"), "COLUMN",
                    m.definition().table() + "." + m.definition().oldColumn(), m.runId(), "SUCCESS",
                    details(m, "reason", "replaced by " + m.definition().newColumn() + " (field migration '" + m.name()
                            + "'); not dropped: hand it to the deprecation workflow"));
            return store.find(c, m.id()).orElseThrow();
        });
        return contracted;
    }

    /**
     * Aborts the migration from any phase before {@code CONTRACTED}: the backfill is cancelled,
     * the triggers are removed, and the old column stays authoritative (never changed by the
     * library). The new column is left in place. Calling it again on an aborted migration retries
     * the trigger removal.
     */
    public FieldMigrationState abort(String name) {
        FieldMigrationState found = require(name);
        FieldMigrationState m = found;
        if (found.phase() != Phase.ABORTED) {
            if (!found.phase().isAbortable()) {
                throw refused(found, "abort", "it is " + found.phase() + "; a contracted migration is final");
            }
            String message = "Field migration aborted by " + context.actors().currentActor() + " in phase "
                    + found.phase();
            m = context.jdbc().inTransaction(c -> {
                if (!store.casPhase(c, found.id(), found.phase(), Phase.ABORTED)) {
                    throw refusedNow(found, "abort");
                }
                store.clearPause(c, found.id());
                RunRecord run = context.runRegistry().require(c, found.runId());
                if (!run.status().isTerminal()) {
                    context.runRegistry().finish(c, found.runId(), RunStatus.FAILED, message, null);
                }
                context.auditLog().record(c, action("abort"), AUDIT_TARGET, found.name(), found.runId(), "SUCCESS",
                        details(found, "from_phase", found.phase().name()));
                return store.find(c, found.id()).orElseThrow();
            });
            queue.cancelQueued(JobType.BACKFILL, found.runId(), message);
        }
        try {
            ddl(m.definition(), "remove the dual-write triggers from " + m.definition().table(),
                    context.dialect().dropDualWriteTriggers(trigger(m)), context.jdbc().timeouts().statement(),
                    List.of());
        } catch (FieldMigrationException e) {
            throw new FieldMigrationException("Field migration '" + m.name() + "' is ABORTED, but its triggers could"
                    + " not be removed yet: " + e.getMessage() + " Call abort again to retry.", e);
        }
        return m;
    }

    // ------------------------------------------------------------------------------ helpers

    private FieldMigrationState transition(FieldMigrationState m, String action, Phase from, Phase to,
            Map<String, Object> extra) {
        return context.jdbc().inTransaction(c -> {
            if (!store.casPhase(c, m.id(), from, to)) {
                throw refusedNow(m, action);
            }
            Map<String, Object> details = new LinkedHashMap<>(details(m, "from_phase", from.name(), "to_phase",
                    to.name()));
            details.putAll(extra);
            context.auditLog().record(c, action(action), AUDIT_TARGET, m.name(), m.runId(), "SUCCESS", details);
            return store.find(c, m.id()).orElseThrow();
        });
    }

    private void requirePhase(FieldMigrationState m, String what, Phase... allowed) {
        for (Phase p : allowed) {
            if (m.phase() == p) {
                return;
            }
        }
        throw refused(m, what, "it is in phase " + m.phase() + " and this needs " + (allowed.length == 1
                ? allowed[0].name() : List.of(allowed).toString()) + next(m.phase()));
    }

    private static String next(Phase phase) {
        return switch (phase) {
            case EXPAND -> "; next step: startDualWrite";
            case DUAL_WRITE -> "; next step: startBackfill";
            case BACKFILL -> "; next step: wait for the backfill, then verify";
            case VERIFIED -> "; next step: readNew";
            case READ_NEW -> "; next step: contract";
            case CONTRACTED, ABORTED -> "; the migration is over";
        };
    }

    /** Audits a refusal (its own transaction) and returns the exception to throw. */
    private FieldMigrationStateException refused(FieldMigrationState m, String what, String why) {
        String message = "Cannot " + what + " for field migration '" + m.name() + "': " + why + ". Nothing changed.";
        context.auditLog().record(action("refused"), AUDIT_TARGET, m.name(), m.runId(), "REFUSED",
                details(m, "step", what, "phase", m.phase().name(), "reason", why));
        return new FieldMigrationStateException(message);
    }

    /** A compare-and-set lost to another instance inside a transaction (rolled back; not audited there). */
    private FieldMigrationStateException refusedNow(FieldMigrationState m, String what) {
        FieldMigrationState current = store.find(m.id()).orElse(m);
        return new FieldMigrationStateException("Cannot " + what + " for field migration '" + m.name()
                + "': another instance changed it meanwhile (now " + current.phase() + (current.paused() ? ", paused"
                        : "") + "). Nothing changed; look at its state and retry.");
    }

    private static String action(String name) {
        return "field_migration." + name;
    }

    private static Map<String, Object> details(FieldMigrationState m, Object... more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("table", m.definition().table());
        d.put("old_column", m.definition().oldColumn());
        d.put("new_column", m.definition().newColumn());
        d.put("transform", m.definition().describe());
        for (int i = 0; i + 1 < more.length; i += 2) {
            d.put((String) more[i], more[i + 1]);
        }
        return d;
    }

    private NewRun newRun(FieldMigration definition, Long parentRunId) {
        return new NewRun(RunKind.BACKFILL, RunMode.APPLY, RunStatus.PLANNED, "field migration " + definition.name(),
                definition.table(), definition.describe(), definition.encode(), parentRunId, null);
    }

    /** The migration's statements, with the names as the catalog stores them now. */
    MigrationSql sql(FieldMigration definition) {
        TableInfo table = context.catalog().require(definition.table());
        String key = integerKey(table);
        ColumnInfo old = context.catalog().requireColumn(table, definition.oldColumn());
        ColumnInfo neu = context.catalog().requireColumn(table, definition.newColumn());
        DualWriteTrigger.Lookup lookup = null;
        if (definition.transform() instanceof Transform.Lookup l) {
            TableInfo ref = context.catalog().require(l.table());
            lookup = new DualWriteTrigger.Lookup(Identifier.quoted(ref.name()),
                    Identifier.quoted(context.catalog().requireColumn(ref, l.keyColumn()).name()),
                    Identifier.quoted(context.catalog().requireColumn(ref, l.valueColumn()).name()));
        }
        DualWriteTrigger.Expression expression = null;
        if (definition.transform() instanceof Transform.Expression e) {
            validator().validateValue(e.sql(), table.name(), columnNames(table));
            expression = new DualWriteTrigger.Expression(e.sql(), table.columns().stream()
                    .map(c -> Identifier.quoted(c.name())).toList());
        }
        return new MigrationSql(context.dialect(), table.name(), key, old.name(), neu.name(), lookup, expression);
    }

    /** The predicate allowlist, reading application tables from the catalog (never the library's). */
    private dev.softdelete.core.runs.rule.PredicateValidator validator() {
        return new dev.softdelete.core.runs.rule.PredicateValidator(context.dialect(), context.schema(),
                name -> context.schema().isLibraryTable(name) ? Optional.empty()
                        : context.catalog().find(name).map(FieldMigrations::columnNames));
    }

    private static Set<String> columnNames(TableInfo table) {
        return table.columns().stream().map(ColumnInfo::name).collect(java.util.stream.Collectors.toSet());
    }

    private DualWriteTrigger trigger(FieldMigrationState m) {
        MigrationSql sql = sql(m.definition());
        DualWriteTrigger.Lookup l = sql.lookup;
        String config = H2DualWriteTrigger.configuration(sql.table.name(), sql.oldColumn.name(), sql.newColumn.name(),
                l == null ? null : l.table().name(), l == null ? null : l.keyColumn().name(),
                l == null ? null : l.valueColumn().name(), sql.expression == null ? null : sql.expression.sql());
        return sql.trigger(context.dialect().identifier(context.schema().prefix() + "fm" + m.id()),
                new DualWriteTrigger.JavaTrigger(H2DualWriteTrigger.class.getName(), config));
    }

    /** The table's single integer primary-key column, or a clear refusal. */
    private String integerKey(TableInfo table) {
        if (table.primaryKey().size() != 1) {
            throw new FieldMigrationException("Table '" + table.name() + "' has " + (table.primaryKey().isEmpty()
                    ? "no primary key" : "a composite primary key " + table.primaryKey()) + "; field migrations need a"
                    + " single-column integer primary key to split the backfill into key ranges.");
        }
        ColumnInfo key = table.column(table.primaryKey().get(0)).orElseThrow();
        if (!Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT).contains(key.jdbcType())) {
            throw new FieldMigrationException("Table '" + table.name() + "' has the primary key '" + key.name()
                    + "' of type " + key.typeName() + "; field migrations need an integer primary key (UUID and text"
                    + " keys are not supported yet).");
        }
        return key.name();
    }

    private static String derivedType(ColumnInfo column, FieldMigration definition) {
        String type = column.typeName();
        int jdbc = column.jdbcType();
        String derived;
        if ((jdbc == Types.VARCHAR || jdbc == Types.CHAR || jdbc == Types.NVARCHAR || jdbc == Types.NCHAR)
                && column.size() > 0 && column.size() <= 65_535) {
            derived = type + "(" + column.size() + ")";
        } else if (Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.BOOLEAN, Types.BIT,
                Types.DATE, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.DOUBLE, Types.REAL, Types.FLOAT)
                .contains(jdbc) || type.equalsIgnoreCase("text")) {
            derived = type;
        } else {
            throw new FieldMigrationException("Field migration '" + definition.name() + "': cannot derive the new"
                    + " column's type from " + column.name() + " (" + type + "); give it with withNewColumnType(...).");
        }
        FieldMigration.requireSafeType(derived);
        return derived;
    }

    /**
     * Runs DDL in auto-commit mode under a short lock wait; on a lock timeout (or deadlock) runs
     * {@code cleanup}, waits (1 s doubling) and tries again, up to the definition's attempts.
     */
    private void ddl(FieldMigration definition, String what, List<String> statements, Duration statementTimeout,
            List<String> cleanup) {
        Dialect dialect = context.dialect();
        SQLException last = null;
        for (int attempt = 1; attempt <= definition.ddlAttempts(); attempt++) {
            try (Connection c = context.jdbc().dataSource().getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(true);
                Dialect.SessionRestore timeouts = dialect.applyTimeouts(c, definition.ddlLockTimeout(), statementTimeout,
                        false);
                Dialect.SessionRestore ddlTimeout = dialect.applyDdlLockTimeout(c, definition.ddlLockTimeout());
                try (Statement s = c.createStatement()) {
                    for (String sql : statements) {
                        try {
                            s.execute(sql);
                        } catch (SQLException e) {
                            if (!retryable(e)) {
                                throw new FieldMigrationException("Could not " + what + " (" + e.getMessage()
                                        + "). Statement: " + sql, e);
                            }
                            last = e;
                            for (String undo : cleanup) {
                                try {
                                    s.execute(undo);
                                } catch (SQLException ignored) {
                                    e.addSuppressed(ignored);
                                }
                            }
                            break;
                        }
                    }
                    if (last == null) {
                        return;
                    }
                } finally {
                    ddlTimeout.restore();
                    timeouts.restore();
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw new FieldMigrationException("Could not " + what + ": " + e.getMessage(), e);
            }
            log.warn("Field migration '{}': could not {} (attempt {} of {}): {}", definition.name(), what, attempt,
                    definition.ddlAttempts(), last.getMessage());
            if (attempt < definition.ddlAttempts()) {
                try {
                    sleeper.sleep(Duration.ofSeconds(1L << Math.min(5, attempt - 1)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                last = null;
            }
        }
        throw new FieldMigrationException("Could not " + what + ": the table's lock was not granted within "
                + definition.ddlLockTimeout() + " in " + definition.ddlAttempts() + " attempts (" + (last == null ? ""
                        : last.getMessage()) + "). A long transaction probably holds it; nothing was left half done."
                + " Retry later (the step can be repeated), or raise withDdlLock(...).", last);
    }

    private boolean retryable(SQLException e) {
        return context.dialect().isLockTimeout(e) || (e.getSQLState() != null && e.getSQLState().startsWith("40"));
    }
}
