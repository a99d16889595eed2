package dev.softdelete.core.runs;

import dev.softdelete.core.registry.RunRegistry;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.NewRun;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.registry.RunStateException;
import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.internal.Json;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.table.SoftDeletableTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.softdelete.core.dialect.Identifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule-based soft-delete runs: preview, apply in rate-limited batches, resume, undo. Get it from
 * {@code softDelete.runs()}.
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.on("products").rule(Rule.olderThan("updated_at", Duration.ofDays(730))).build();
 * Preview preview = runs.preview(rules);                                   // counts, sample ids, JSON
 * RunReport wave = runs.apply(preview, RunOptions.defaults().withMaxRows(1_000)); // PAUSED after 1,000 rows
 * RunReport done = runs.resume(wave.runId());                              // the rest
 * RunReport undo = runs.undo(done.runId());                                // exactly those rows back
 * }</pre>
 *
 * Every batch records the keys it changed in one {@code run_batches} row per table, in the same
 * transaction as the change; any instance can resume a stopped run ({@link #resume}) and one worker at a time holds it.
 */
public final class Runs {

    private final CoreContext sd;
    private final RunTables tables;
    private final RunBatches batches;
    private final BatchStrategy strategy;
    private final RunExecutor executor;
    private final RunRanges ranges;
    private final java.util.concurrent.atomic.AtomicInteger workers = new java.util.concurrent.atomic.AtomicInteger();

    private final boolean approvalRequired;

    /** Built by {@code SoftDelete}; obtain it with {@code softDelete.runs()}. No two-person rule. */
    public Runs(CoreContext softDelete) {
        this(softDelete, false);
    }

    /**
     * Built by {@code SoftDelete}; with {@code approvalRequired}, an apply or submit needs its
     * preview approved by another actor ({@link #approve(long)}).
     */
    public Runs(CoreContext softDelete, boolean approvalRequired) {
        this.sd = softDelete;
        this.approvalRequired = approvalRequired;
        this.tables = RunTables.of(softDelete.schema());
        this.batches = new RunBatches(softDelete.jdbc(), tables.batches());
        this.ranges = new RunRanges(softDelete.jdbc(), softDelete.schema().table(
                dev.softdelete.core.schema.LibraryTable.RUN_RANGES), tables.runs(), softDelete.clock());
        this.strategy = BatchStrategy.of(softDelete.jdbc(), tables, softDelete.clock());
        this.executor = new RunExecutor(softDelete, new RunLease(softDelete.jdbc(), tables, softDelete.runRegistry(),
                softDelete.clock()));
    }

    /** The run registry, to list and inspect runs. */
    public RunRegistry registry() {
        return sd.runRegistry();
    }

    /** {@link #preview(RuleSet, RunOptions)} with default options. */
    public Preview preview(RuleSet rules) {
        return preview(rules, RunOptions.defaults());
    }

    /**
     * Counts what {@code rules} would soft-delete now, per rule and in total, with sample ids and
     * the batches and time it would take under {@code options}. The counts run in a read-only
     * transaction ({@code Connection.setReadOnly} and, where the database enforces it,
     * {@code SET TRANSACTION READ ONLY}); afterwards, the only write is the PREVIEW record.
     */
    public Preview preview(RuleSet rules, RunOptions options) {
        Instant asOf = sd.clock().instant();
        SoftDeletableTable table = sd.tables().describe(rules.table());
        Target target = Target.resolve(sd, table, rules, asOf, true);
        return sd.jdbc().withConnection(c -> {
            long total;
            Map<String, Long> perRule = new LinkedHashMap<>();
            Map<String, Long> children;
            Map<String, Long> blocking;
            long[] groups = new long[1];
            List<DuplicateGroup> sampleGroups = new ArrayList<>();
            List<Object> sample;
            // The counts run in a read-only transaction: a write that got past the predicate check
            // fails there (PostgreSQL, MariaDB; H2 treats read-only as a hint only).
            boolean wasReadOnly = c.isReadOnly();
            boolean autoCommit = c.getAutoCommit();
            c.setReadOnly(true);
            try {
                c.setAutoCommit(false);
                if (sd.dialect().enforcesReadOnlyTransactions()) {
                    sd.jdbc().update(c, "SET TRANSACTION READ ONLY");
                }
                total = count(c, target, target.candidates());
                for (int i = 0; i < rules.rules().size(); i++) {
                    perRule.merge(rules.rules().get(i).description(), count(c, target, target.candidatesOfRule(i)),
                            Long::sum);
                }
                Sql cand = target.candidates();
                sample = sd.jdbc().query(c, "SELECT t." + target.key + " FROM " + target.table + " t WHERE "
                        + cand.text() + " ORDER BY t." + target.key + " LIMIT ?", rs -> target.keyType.read(rs, 1),
                        cand.bind(List.of(), options.sampleSize()));
                children = childCounts(c, target);
                blocking = blockingCounts(c, target);
                for (Sql[] dup : target.duplicateQueries) {
                    sampleGroups.addAll(sd.jdbc().query(c, dup[0].text(), rs -> {
                        Map<String, Object> values = new LinkedHashMap<>();
                        int n = rs.getMetaData().getColumnCount();
                        for (int col = 1; col < n; col++) {
                            values.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
                        }
                        return new DuplicateGroup(values, rs.getLong(n));
                    }, options.sampleSize()));
                    groups[0] += sd.jdbc().queryLong(c, dup[1].text(), dup[1].args());
                }
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback(); // nothing to keep; a no-op after the rollback above
                }
                c.setAutoCommit(autoCommit);
                c.setReadOnly(wasReadOnly);
            }
            String spec = new RunSpec(table, rules, asOf, asOf).toJson();
            RunRecord run = sd.runRegistry().create(c, new NewRun(RunKind.SOFT_DELETE, RunMode.PREVIEW,
                    RunStatus.PREVIEWED, "preview " + target.tableName, target.tableName, rules.description(), spec,
                    null, total));
            return new Preview(run.id(), target.tableName, rules.description(), total, perRule, sample,
                    options.batchesFor(total), options.durationFor(total), asOf, rules, children, blocking, groups[0],
                    sampleGroups);
        });
    }

    /** Rows the run would soft-delete in each child table of the cascade, parents first. */
    private Map<String, Long> childCounts(Connection c, Target target) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Cascade cascade = target.cascade;
        for (int i = 0; i < cascade.children().size(); i++) {
            Cascade.Child child = cascade.children().get(i);
            Sql where = cascade.referencing(i, "ch" + i, target.candidateKeys());
            counts.put(child.ref().tableName(), sd.jdbc().queryLong(c, "SELECT COUNT(*) FROM " + child.ref().table()
                    + " ch" + i + " WHERE " + where.text(), where.args()));
        }
        return counts;
    }

    /** Rows of each table without a marker column that reference rows the run would soft-delete. */
    private Map<String, Long> blockingCounts(Connection c, Target target) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Cascade.Blocker b : target.cascade.blockers()) {
            Sql count = target.cascade.blockingRows(b, target.candidateKeys());
            counts.merge(b.tableName(), sd.jdbc().queryLong(c, count.text(), count.args()), Long::sum);
        }
        return counts;
    }

    /**
     * The preview registered as run {@code previewRunId}, rebuilt from the registry (its rules,
     * table, time and count; sample ids, per-rule and child counts are not stored), so that any
     * instance can {@link #apply} or {@link #submit} it, after a restart too. The checks before
     * applying (drift against the stored count, blocking children, approval) run as for a fresh one.
     *
     * @throws RunStateException when that run is not a preview
     */
    public Preview storedPreview(long previewRunId) {
        RunRecord run = sd.runRegistry().require(previewRunId);
        if (run.mode() != RunMode.PREVIEW || run.kind() != RunKind.SOFT_DELETE) {
            throw new RunStateException("Run " + previewRunId + " is a " + run.kind() + " " + run.mode()
                    + " run, not a soft-delete preview; preview the rules first and apply that preview's id.");
        }
        RunSpec spec = RunSpec.fromJson(run.spec());
        RunOptions defaults = RunOptions.defaults();
        long total = run.previewCount() == null ? 0 : run.previewCount();
        return new Preview(run.id(), run.targetTable(), spec.rules().description(), total, Map.of(), List.of(),
                defaults.batchesFor(total), defaults.durationFor(total), spec.asOf(), spec.rules(), Map.of(), Map.of(),
                0, List.of());
    }

    /** {@link #apply(Preview, RunOptions)} with default options. */
    public RunReport apply(Preview preview) {
        return apply(preview, RunOptions.defaults());
    }

    /**
     * Applies the previewed rules as a new run, measured from now, cascading to the child tables
     * with a marker column (see {@link RuleSet}). Refuses with {@link PreviewDriftException}
     * (changing nothing) when the live count differs from the preview by more than the tolerance,
     * unless {@link RunOptions#force()}, and with {@link BlockingChildrenException} when rows of a
     * table without a marker column reference rows it would soft-delete and the rule set does not
     * keep them. Returns when the run completed, or paused (wave cap, error threshold).
     */
    public RunReport apply(Preview preview, RunOptions options) {
        Instant asOf = sd.clock().instant();
        SoftDeletableTable table = sd.tables().describe(preview.rules().table());
        Target target = Target.resolve(sd, table, preview.rules(), asOf, true);
        long live = checkBeforeApply(preview, options, target);
        RunSpec spec = new RunSpec(table, preview.rules(), asOf, asOf.truncatedTo(ChronoUnit.SECONDS), true,
                preview.runId(), null);
        RunRecord run = sd.runRegistry().create(new NewRun(RunKind.SOFT_DELETE, RunMode.APPLY, RunStatus.PLANNED,
                "soft delete " + target.tableName, target.tableName, preview.rules().description(), spec.toJson(), null,
                live));
        return runApply(run.id(), target, spec, options);
    }

    /** Key ranges a background run is split into, at most. */
    static final int MAX_RANGES = 1_024;
    /** Batches per key range, at least (integer keys; a range is this many batch sizes of keys wide). */
    static final int RANGE_BATCHES = 10;

    /**
     * Submits the previewed rules as a background run and returns its id at once: the run is
     * registered RUNNING with its key ranges (integer keys: ranges {@value #RANGE_BATCHES} batch
     * sizes of keys wide, at most {@value #MAX_RANGES} of them; other keys: one range), which
     * {@link RunWorker}s on any instance ({@link #worker(RunOptions)}) claim and apply. Same checks
     * as {@link #apply(Preview, RunOptions)} first (drift, blocking children), changing nothing
     * when they refuse. Follow it with {@link #progress(long)}; {@link #pause(long)},
     * {@link #resume(long)} and {@link #cancel(long)} work from any instance;
     * {@link #undo(long)} once it completed, paused or was cancelled.
     */
    public long submit(Preview preview, RunOptions options) {
        Instant asOf = sd.clock().instant();
        SoftDeletableTable table = sd.tables().describe(preview.rules().table());
        Target target = Target.resolve(sd, table, preview.rules(), asOf, true);
        long live = checkBeforeApply(preview, options, target);
        RunSpec spec = new RunSpec(table, preview.rules(), asOf, asOf.truncatedTo(ChronoUnit.SECONDS), true,
                preview.runId(), options.window());
        List<String[]> bounds = sd.jdbc().withConnection(c -> plan(c, target, options));
        return sd.jdbc().inTransaction(c -> {
            RunRecord run = sd.runRegistry().create(c, new NewRun(RunKind.SOFT_DELETE, RunMode.APPLY, RunStatus.PLANNED,
                    "soft delete " + target.tableName + " (background)", target.tableName,
                    preview.rules().description(), spec.toJson(), null, live));
            ranges.insert(c, run.id(), bounds);
            sd.runRegistry().transition(c, run.id(), RunStatus.PLANNED, RunStatus.RUNNING);
            sd.auditLog().record(c, "SOFT_DELETE_RUN", "RUN", target.tableName, run.id(), "SUBMITTED",
                    Json.obj("ranges", bounds.size(), "rows", live));
            return run.id();
        });
    }

    /** (after, upTo] bounds of the ranges of a run on {@code t}, as key text (null: open). */
    private List<String[]> plan(Connection c, Target t, RunOptions options) throws SQLException {
        List<String[]> bounds = new ArrayList<>();
        if (t.keyType != dev.softdelete.core.internal.KeyCodec.INTEGER) {
            bounds.add(new String[] {null, null});
            return bounds;
        }
        java.util.Optional<long[]> span = sd.jdbc().queryOne(c, "SELECT MIN(" + t.key + "), MAX(" + t.key + ") FROM "
                + t.table, rs -> {
                    long min = rs.getLong(1);
                    return rs.wasNull() ? null : new long[] {min, rs.getLong(2)};
                });
        if (span.isEmpty() || span.get() == null) {
            bounds.add(new String[] {null, null});
            return bounds;
        }
        java.math.BigInteger min = java.math.BigInteger.valueOf(span.get()[0]);
        java.math.BigInteger keys = java.math.BigInteger.valueOf(span.get()[1]).subtract(min).add(java.math.BigInteger.ONE);
        java.math.BigInteger width = java.math.BigInteger.valueOf((long) options.batchSize() * RANGE_BATCHES)
                .max(keys.add(java.math.BigInteger.valueOf(MAX_RANGES - 1)).divide(java.math.BigInteger.valueOf(MAX_RANGES)));
        int n = keys.add(width).subtract(java.math.BigInteger.ONE).divide(width).intValueExact();
        for (int i = 0; i < n; i++) {
            String after = i == 0 ? null : min.subtract(java.math.BigInteger.ONE).add(width.multiply(
                    java.math.BigInteger.valueOf(i))).toString();
            String upTo = i == n - 1 ? null : min.subtract(java.math.BigInteger.ONE).add(width.multiply(
                    java.math.BigInteger.valueOf(i + 1))).toString();
            bounds.add(new String[] {after, upTo});
        }
        return bounds;
    }

    /**
     * A worker for background runs on this instance, applying {@code options}' batch size, rate
     * limit and lease duration (use a short lease, seconds: a dead worker's range is taken over
     * once it expired). Schedule its {@link RunWorker#run()}.
     */
    public RunWorker worker(RunOptions options) {
        return new RunWorker(sd, this, ranges, strategy, options, sd.instanceId() + "#worker-" + workers.incrementAndGet());
    }

    /**
     * Pauses a background run from any instance: its workers stop before their next batch, and a
     * batch in flight rolls back (its range's fence is bumped). {@link #resume(long)} continues it.
     */
    public RunReport pause(long runId) {
        requireBackground(runId, "pause");
        sd.jdbc().inTransaction(c -> {
            RunRecord run = sd.runRegistry().lock(c, runId);
            if (run.status() != RunStatus.RUNNING) {
                throw new RunStateException("Run " + runId + " is " + run.status() + ", not RUNNING; nothing to pause.");
            }
            ranges.releaseAll(c, runId);
            syncCounts(c, runId);
            sd.runRegistry().finish(c, runId, RunStatus.PAUSED, "Paused by " + sd.actors().currentActor()
                    + "; resume the run to continue.", null);
            sd.auditLog().record(c, "SOFT_DELETE_RUN", "RUN", run.targetTable(), runId, "PAUSED", Json.obj());
            return null;
        });
        return RunReport.of(sd.runRegistry().require(runId));
    }

    /**
     * Cancels a background run from any instance, for good: its remaining ranges are cancelled
     * and fenced (no batch in flight commits afterwards), the batches it committed stay applied
     * and recorded, so the run can be undone ({@link #undo(long)}).
     */
    public RunReport cancel(long runId) {
        requireBackground(runId, "cancel");
        sd.jdbc().inTransaction(c -> {
            RunRecord run = sd.runRegistry().lock(c, runId);
            if (run.status().isTerminal()) {
                throw new RunStateException("Run " + runId + " is already " + run.status() + "; nothing to cancel.");
            }
            ranges.cancel(c, runId);
            syncCounts(c, runId);
            sd.runRegistry().finish(c, runId, RunStatus.CANCELLED, "Cancelled by " + sd.actors().currentActor()
                    + "; its committed batches stay applied and can be undone.", null);
            sd.auditLog().record(c, "SOFT_DELETE_RUN", "RUN", run.targetTable(), runId, "CANCELLED", Json.obj());
            return null;
        });
        return RunReport.of(sd.runRegistry().require(runId));
    }

    /** Where a background run stands, from the database (any instance sees the same). */
    public RunProgress progress(long runId) {
        requireBackground(runId, "report progress");
        return sd.jdbc().withConnection(c -> {
            RunRecord run = sd.runRegistry().require(c, runId);
            RunRanges.Totals totals = ranges.totals(c, runId);
            Instant now = sd.clock().instant();
            double seconds = run.startedAt() == null ? 0
                    : Duration.between(run.startedAt(), run.finishedAt() != null ? run.finishedAt() : now).toMillis() / 1000.0;
            double rate = seconds <= 0 ? 0 : totals.affected() / seconds;
            long expected = run.previewCount() == null ? 0 : run.previewCount();
            Duration eta = run.status() != RunStatus.RUNNING || rate <= 0 ? null
                    : Duration.ofMillis((long) Math.ceil(Math.max(0, expected - totals.affected()) * 1000.0 / rate));
            return new RunProgress(runId, run.status(), totals.total(), totals.pending(), totals.running(), totals.done(),
                    totals.failed(), totals.batches(), totals.affected(), expected, rate, eta, run.startedAt());
        });
    }

    /** Completes a background run when its last range is done (called by the worker that finished a range). */
    void completeIfLastRange(long runId, boolean markerScan) {
        sd.jdbc().inTransaction(c -> {
            RunRecord run = sd.runRegistry().lock(c, runId);
            RunRanges.Totals totals = ranges.totals(c, runId);
            if (run.status() != RunStatus.RUNNING || totals.done() != totals.total()) {
                return null;
            }
            syncCounts(c, runId);
            RunSpec spec = RunSpec.fromJson(run.spec());
            Target target = Target.resolve(sd, spec.table(), spec.rules(), spec.asOf(), spec.cascade());
            String verification = Verification.afterApply(sd.jdbc(), c, batches, target, sd.runRegistry().require(c, runId),
                    spec.marker(), markerScan);
            sd.runRegistry().finish(c, runId, RunStatus.COMPLETED, null, verification);
            sd.auditLog().record(c, "SOFT_DELETE_RUN", "RUN", run.targetTable(), runId, "SUCCESS",
                    Json.obj("verification", Json.read(verification)));
            return null;
        });
    }

    /** How a run paused by its time window starts its message (resumed by workers inside the window). */
    static final String WINDOW_PAUSE = "Outside its time window";

    /**
     * Called by workers before they claim: pauses every RUNNING background run outside its time
     * window, and resumes those its window paused once inside again.
     */
    void applyWindows() {
        Instant now = sd.clock().instant();
        for (long runId : ranges.runsWithOpenRanges()) {
            RunRecord run = sd.runRegistry().require(runId);
            RunWindow window = RunSpec.fromJson(run.spec()).window();
            if (window == null) {
                continue;
            }
            boolean inside = window.contains(now);
            if (!inside && run.status() == RunStatus.RUNNING) {
                pauseForWindow(runId, window);
            } else if (inside && run.status() == RunStatus.PAUSED && run.errorMessage() != null
                    && run.errorMessage().startsWith(WINDOW_PAUSE)) {
                sd.jdbc().inTransaction(c -> {
                    RunRecord locked = sd.runRegistry().lock(c, runId);
                    if (locked.status() == RunStatus.PAUSED && locked.errorMessage() != null
                            && locked.errorMessage().startsWith(WINDOW_PAUSE)) {
                        sd.runRegistry().transition(c, runId, RunStatus.PAUSED, RunStatus.RUNNING);
                        sd.runRegistry().finish(c, runId, RunStatus.RUNNING, null, null);
                        sd.auditLog().record(c, "SOFT_DELETE_RUN", "RUN", locked.targetTable(), runId, "RESUMED",
                                Json.obj("window", window.toString()));
                    }
                    return null;
                });
            }
        }
    }

    /** Pauses a RUNNING background run because {@code window} is closed now (workers resume it inside). */
    void pauseForWindow(long runId, RunWindow window) {
        sd.jdbc().inTransaction(c -> {
            RunRecord run = sd.runRegistry().lock(c, runId);
            if (run.status() == RunStatus.RUNNING) {
                ranges.releaseAll(c, runId);
                syncCounts(c, runId);
                sd.runRegistry().finish(c, runId, RunStatus.PAUSED, WINDOW_PAUSE + " " + window + "; its workers"
                        + " resume it inside the window.", null);
                sd.auditLog().record(c, "SOFT_DELETE_RUN", "RUN", run.targetTable(), runId, "PAUSED",
                        Json.obj("window", window.toString()));
            }
            return null;
        });
    }

    /**
     * Called by workers that found nothing to claim: completes RUNNING background runs whose ranges
     * are all done, and pauses those with a failed range, in case the worker that should have done
     * so died in between.
     */
    void settle(boolean markerScan) {
        for (long[] run : ranges.runningRunsToSettle()) {
            if (run[2] > 0) {
                pauseAfterFailure(run[0], "Paused: a range failed its last attempt (see run_ranges.last_error). Fix the"
                        + " cause and resume the run.");
            } else {
                completeIfLastRange(run[0], markerScan);
            }
        }
    }

    /** Pauses a background run whose range failed its last attempt. */
    void pauseAfterFailure(long runId, String message) {
        sd.jdbc().inTransaction(c -> {
            RunRecord run = sd.runRegistry().lock(c, runId);
            if (run.status() == RunStatus.RUNNING) {
                ranges.releaseAll(c, runId);
                syncCounts(c, runId);
                sd.runRegistry().finish(c, runId, RunStatus.PAUSED, message, null);
            }
            return null;
        });
    }

    private void syncCounts(Connection c, long runId) throws SQLException {
        RunRanges.Totals totals = ranges.totals(c, runId);
        sd.runRegistry().setCounts(c, runId, totals.matched(), totals.affected(), totals.matched() - totals.affected(),
                totals.batches());
    }

    private void requireBackground(long runId, String what) {
        requireApplyRun(sd.runRegistry().require(runId), what);
        if (!ranges.exists(runId)) {
            throw new RunStateException("Run " + runId + " runs on its caller's thread (apply); only background runs"
                    + " (submit) can " + what + " from any instance. Stop it with RunOptions.withMaxRows or resume it.");
        }
    }

    /**
     * Approves preview {@code previewRunId} as the current actor (the two-person rule): recorded in
     * the audit log (action {@code PREVIEW_APPROVED}, target {@code RUN}, the preview's run id).
     * Refused with {@link RunApprovalException} when the current actor made the preview.
     */
    public void approve(long previewRunId) {
        RunRecord preview = sd.runRegistry().require(previewRunId);
        if (preview.mode() != RunMode.PREVIEW) {
            throw new RunStateException("Run " + previewRunId + " is a " + preview.mode() + " run, not a preview; approve"
                    + " the PREVIEW run the apply will name.");
        }
        String actor = sd.actors().currentActor();
        if (actor != null && actor.equals(preview.operator())) {
            sd.auditLog().record("PREVIEW_APPROVED", "RUN", preview.targetTable(), previewRunId, "REFUSED",
                    Json.obj("approver", actor, "previewedBy", preview.operator()));
            throw new RunApprovalException("Preview " + previewRunId + " was made by " + actor + ", who cannot approve it"
                    + " too: another actor must approve it. Nothing was changed.");
        }
        sd.auditLog().record("PREVIEW_APPROVED", "RUN", preview.targetTable(), previewRunId, "SUCCESS",
                Json.obj("approver", actor, "previewedBy", preview.operator()));
    }

    /** With the two-person rule on: the preview exists, its rules are the ones passed, another actor approved it. */
    private void checkApproval(Preview preview, String table) {
        if (!approvalRequired) {
            return;
        }
        RunRecord stored = sd.runRegistry().find(preview.runId()).orElse(null);
        String refusal = null;
        if (stored == null || stored.mode() != RunMode.PREVIEW) {
            refusal = "Run " + preview.runId() + " is not a preview";
        } else if (!RunSpec.rulesKey(RunSpec.fromJson(stored.spec()).rules()).equals(RunSpec.rulesKey(preview.rules()))) {
            refusal = "The rules passed differ from those of preview " + preview.runId();
        } else {
            boolean approved = sd.auditLog().forTarget("RUN", stored.targetTable(), 10_000).stream()
                    .anyMatch(e -> "PREVIEW_APPROVED".equals(e.action()) && "SUCCESS".equals(e.outcome())
                            && Long.valueOf(preview.runId()).equals(e.runId()) && e.actor() != null
                            && !e.actor().equals(stored.operator()));
            if (!approved) {
                refusal = "Preview " + preview.runId() + " (by " + stored.operator() + ") has not been approved by another"
                        + " actor";
            }
        }
        if (refusal != null) {
            sd.auditLog().record("SOFT_DELETE_RUN", "RUN", table, preview.runId(), "REFUSED",
                    Json.obj("approval", refusal));
            throw new RunApprovalException(refusal + "; the two-person rule is on (SoftDelete.Builder.runApproval)."
                    + " Have another actor call runs().approve(" + preview.runId() + "), then apply it. Nothing was"
                    + " changed.");
        }
    }

    private long checkBeforeApply(Preview preview, RunOptions options, Target target) {
        checkApproval(preview, target.tableName);
        long live = sd.jdbc().withConnection(c -> count(c, target, target.candidates()));
        long allowed = (long) Math.ceil(preview.total() * options.tolerance());
        if (Math.abs(live - preview.total()) > allowed && !options.force()) {
            sd.auditLog().record("SOFT_DELETE_RUN", "RUN", target.tableName, preview.runId(), "REFUSED",
                    Json.obj("previewed", preview.total(), "live", live));
            throw new PreviewDriftException(preview.runId(), target.tableName, preview.total(), live, allowed);
        }
        Map<String, Long> blocking = new LinkedHashMap<>(sd.jdbc().withConnection(c -> blockingCounts(c, target)));
        blocking.values().removeIf(n -> n == 0);
        if (!blocking.isEmpty()) {
            sd.auditLog().record("SOFT_DELETE_RUN", "RUN", target.tableName, preview.runId(), "REFUSED",
                    Json.obj("blockingChildren", blocking));
            throw new BlockingChildrenException(target.tableName, blocking);
        }
        return live;
    }

    /** {@link #resume(long, RunOptions)} with default options. */
    public RunReport resume(long runId) {
        return resume(runId, RunOptions.defaults());
    }

    /**
     * Continues a paused or crashed run (apply or undo) from its saved cursor, on any instance.
     * A run whose worker still holds the lease is refused with {@link RunLeasedException}; once
     * the lease expired, the run is taken over.
     */
    public RunReport resume(long runId, RunOptions options) {
        RunRecord run = sd.runRegistry().require(runId);
        if (run.isUndo()) {
            return runUndo(run, sd.runRegistry().require(run.parentRunId()), options);
        }
        requireApplyRun(run, "resume");
        if (ranges.exists(runId)) {
            return resumeBackground(runId);
        }
        if (run.status().isTerminal()) {
            throw new RunStateException("Run " + runId + " is " + run.status() + "; there is nothing to resume.");
        }
        if (!sd.runRegistry().children(runId).isEmpty()) {
            throw new RunStateException("Run " + runId + " is being undone (run "
                    + sd.runRegistry().children(runId).get(0).id() + "); it cannot be resumed.");
        }
        RunSpec spec = RunSpec.fromJson(run.spec());
        return runApply(runId, Target.resolve(sd, spec.table(), spec.rules(), spec.asOf(), spec.cascade()), spec,
                options);
    }

    /** A paused background run goes back to its workers (failed ranges get their attempts back). */
    private RunReport resumeBackground(long runId) {
        sd.jdbc().inTransaction(c -> {
            RunRecord run = sd.runRegistry().lock(c, runId);
            if (run.status() != RunStatus.PAUSED) {
                throw new RunStateException("Run " + runId + " is " + run.status() + "; only a PAUSED background run"
                        + " can be resumed.");
            }
            ranges.retryFailed(c, runId);
            sd.runRegistry().transition(c, runId, RunStatus.PAUSED, RunStatus.RUNNING);
            sd.runRegistry().finish(c, runId, RunStatus.RUNNING, null, null);
            sd.auditLog().record(c, "SOFT_DELETE_RUN", "RUN", run.targetTable(), runId, "RESUMED", Json.obj());
            return null;
        });
        return RunReport.of(sd.runRegistry().require(runId));
    }

    /** {@link #undo(long, RunOptions)} with default options. */
    public RunReport undo(long runId) {
        return undo(runId, RunOptions.defaults());
    }

    /**
     * Reverses exactly the rows run {@code runId} soft-deleted and that still carry its marker;
     * rows changed since by someone else are left alone and counted as skipped (each batch record
     * keeps how many of its rows were restored). The rows it soft-deleted in child tables are
     * restored the same way, batch by batch with their parents. The undo is a run of its own (kind
     * UNDO, parent {@code runId}), batched, resumable, leased and audited; when it completes the
     * undone run becomes UNDONE.
     */
    public RunReport undo(long runId, RunOptions options) {
        RunRecord parent = sd.runRegistry().require(runId);
        requireApplyRun(parent, "undo");
        if (parent.status() == RunStatus.UNDONE) {
            throw new RunStateException("Run " + runId + " is already undone (by run "
                    + sd.runRegistry().children(runId).stream().map(r -> String.valueOf(r.id())).findFirst().orElse("?")
                    + "). Nothing to do.");
        }
        if (ranges.exists(runId)) {
            if (parent.status() == RunStatus.RUNNING) {
                throw new RunStateException("Run " + runId + " is a background run still RUNNING; pause or cancel it"
                        + " first (from any instance), then undo it.");
            }
            if (!parent.status().isTerminal()) {
                cancel(runId); // a paused run is cancelled first, so that no worker takes it up again
                parent = sd.runRegistry().require(runId);
            }
        }
        if (parent.status() == RunStatus.RUNNING && parent.leaseUntil() != null
                && parent.leaseUntil().isAfter(sd.clock().instant())) {
            throw new RunLeasedException(runId, parent.leaseOwner(), parent.leaseUntil(),
                    "is still running; undo it once it completed or paused,");
        }
        RunRecord undo = sd.runRegistry().children(runId).stream().filter(r -> r.isUndo()
                && !r.status().isTerminal()).findFirst().orElse(null);
        if (undo == null) {
            undo = sd.runRegistry().create(new NewRun(RunKind.UNDO, RunMode.UNDO, RunStatus.PLANNED, "undo of run " + runId,
                    parent.targetTable(), "undo of run " + runId + ": " + parent.ruleDescription(), parent.spec(), runId,
                    parent.affectedCount()));
        }
        return runUndo(undo, parent, options);
    }

    private RunReport runApply(long runId, Target target, RunSpec spec, RunOptions options) {
        String actor = sd.actors().currentActor();
        return executor.execute(runId, null, target.tableName, options,
                (c, cursor, limit, batchNo, fence) -> strategy.softDelete(c, target, cursor, limit,
                        options.maxRows() > 0, runId, batchNo, spec.marker(), actor, fence),
                (c, run) -> Verification.afterApply(sd.jdbc(), c, batches, target, run, spec.marker(),
                        options.markerScan()));
    }

    private RunReport runUndo(RunRecord undo, RunRecord parent, RunOptions options) {
        RunSpec spec = RunSpec.fromJson(parent.spec());
        Target target = Target.resolve(sd, spec.table(), spec.rules(), spec.asOf(), false);
        // the child tables are the ones the run recorded changes in, whatever the schema is now
        List<Cascade.TableRef> children = new ArrayList<>();
        for (String recorded : sd.jdbc().withConnection(c -> batches.tablesOf(c, parent.id()))) {
            if (!recorded.equals(target.tableName)) {
                children.add(Cascade.ref(sd, sd.jdbc().withConnection(c -> sd.catalog().find(c,
                        Identifier.quoted(recorded))).orElseThrow(() -> new RunStateException("Run " + parent.id()
                        + " soft-deleted rows of table " + recorded + ", which no longer exists; its rows cannot be"
                        + " restored. Nothing was changed."))));
            }
        }
        return executor.execute(undo.id(), parent.id(), target.tableName, options,
                (c, cursor, limit, batchNo, fence) -> strategy.restore(c, target, children, parent.id(), cursor, limit,
                        batchNo, spec.marker()),
                (c, run) -> {
                    String verification = Verification.afterUndo(sd.jdbc(), c, batches, target, run, parent.id(),
                            spec.marker(), options.markerScan());
                    sd.runRegistry().finish(c, parent.id(), RunStatus.UNDONE, null, null);
                    return verification;
                });
    }

    /**
     * Rows run {@code runId} (an applied soft-delete run) changed, per table: its own table and
     * each child table it cascaded to, as its batch records count them (including rows an undo
     * restored since).
     */
    public Map<String, Long> changedRows(long runId) {
        return sd.jdbc().withConnection(c -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Object[] row : batches.rowsPerTable(c, runId)) {
                rows.put((String) row[0], (Long) row[1]);
            }
            return rows;
        });
    }

    private static void requireApplyRun(RunRecord run, String what) {
        if (!run.isAppliedSoftDelete()) {
            throw new RunStateException("Run " + run.id() + " is a " + run.kind() + " " + run.mode() + " run; only applied"
                    + " soft-delete runs can " + what + ". Pick the id of an APPLY run from the registry.");
        }
    }

    private long count(Connection c, Target target, Sql where) throws SQLException {
        return sd.jdbc().queryLong(c, "SELECT COUNT(*) FROM " + target.table + " t WHERE " + where.text(),
                where.args());
    }
}
