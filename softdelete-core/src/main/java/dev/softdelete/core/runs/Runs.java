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

    /** Built by {@code SoftDelete}; obtain it with {@code softDelete.runs()}. */
    public Runs(CoreContext softDelete) {
        this.sd = softDelete;
        this.tables = RunTables.of(softDelete.schema());
        this.batches = new RunBatches(softDelete.jdbc(), tables.batches());
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
                    options.batchesFor(total), options.durationFor(total), asOf, rules, children, blocking);
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
        RunSpec spec = new RunSpec(table, preview.rules(), asOf, asOf.truncatedTo(ChronoUnit.SECONDS));
        RunRecord run = sd.runRegistry().create(new NewRun(RunKind.SOFT_DELETE, RunMode.APPLY, RunStatus.PLANNED,
                "soft delete " + target.tableName, target.tableName, preview.rules().description(), spec.toJson(), null,
                live));
        return runApply(run.id(), target, spec, options);
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
                (c, cursor, limit, batchNo) -> strategy.softDelete(c, target, cursor, limit, runId, batchNo,
                        spec.marker(), actor),
                (c, run) -> Verification.afterApply(sd.jdbc(), c, batches, target, run, spec.marker()));
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
                (c, cursor, limit, batchNo) -> strategy.restore(c, target, children, parent.id(), cursor, limit,
                        batchNo, spec.marker()),
                (c, run) -> {
                    String verification = Verification.afterUndo(sd.jdbc(), c, batches, target, run, parent.id(),
                            spec.marker());
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
