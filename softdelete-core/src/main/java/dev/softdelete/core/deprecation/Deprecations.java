package dev.softdelete.core.deprecation;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.dialect.SchemaObjectType;
import dev.softdelete.core.dialect.SchemaObjects;
import dev.softdelete.core.internal.Document;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.core.registry.NewRun;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-destructive deprecation: rename instead of drop, proven unused, backed up, rolled back in
 * seconds. Obtain it with {@code softDelete.deprecations()}.
 *
 * <pre>{@code
 * Deprecations deprecations = softDelete.deprecations();
 * deprecations.watch(DeprecationTarget.column("users", "legacy_email"));       // start collecting evidence
 * // ... the quiet period later:
 * DeprecationPlan plan = deprecations.plan(DeprecationRequest.of("unused",
 *         DeprecationTarget.column("users", "legacy_email")));                 // changes nothing
 * System.out.println(plan);                                                      // verdicts and reasons
 * DeprecationResult result = deprecations.apply(plan, plan.token());             // backup, rename, registry
 * deprecations.rollback(result.runId());                                         // rename back, checksum checked
 * }</pre>
 *
 * Every apply and rollback is a run ({@code migration_runs}, kind DEPRECATION, mode APPLY or
 * UNDO) with an audit entry; every element a row of {@code deprecations}. Nothing is ever dropped
 * (removal is a documented, manual phase 2: {@code docs/deprecation.md}).
 */
public final class Deprecations {

    private static final Logger log = LoggerFactory.getLogger(Deprecations.class);

    /** Audit target type of deprecation entries. */
    public static final String AUDIT_TARGET = "DEPRECATION";
    /** Document kind of {@code deprecations.dependency_report}. */
    static final String DEPENDENCIES_KIND = "deprecation-dependencies";

    private final CoreContext context;
    private final Jdbc jdbc;
    private final Dialect dialect;
    private final SchemaObjects objects;
    private final DeprecationRegistry registry;
    private final DeprecatedUsage usage;
    private final DeprecationPlanner planner;
    private final Backups backups;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final DeprecationMeters meters;
    /** Tests only: called before each rename of an apply with the step and the element. */
    private volatile BiConsumer<Integer, PlannedElement> beforeRename = (step, element) -> { };
    /** Tests only: called before each rename of a rollback with the registry row. */
    private volatile Consumer<DeprecationRecord> beforeRenameBack = r -> { };

    /** Built by {@code SoftDelete}; obtain it with {@code softDelete.deprecations()}. */
    public Deprecations(CoreContext context) {
        this.context = context;
        this.jdbc = context.jdbc();
        this.dialect = context.dialect();
        this.objects = dialect.schemaObjects();
        this.registry = new DeprecationRegistry(jdbc, context.schema(), context.clock());
        this.usage = new DeprecatedUsage(jdbc, context.schema());
        this.planner = new DeprecationPlanner(context, registry, usage);
        this.backups = new Backups(dialect);
        this.meters = new DeprecationMeters(context.metrics());
    }

    /**
     * Calls {@code listener} after every change of the registry made through this instance (watch,
     * apply, rollback), so that the JDBC proxy watches new names at once, without a restart.
     * Other instances see the change at their next registry refresh.
     *
     * @return closing it removes the listener
     */
    public AutoCloseable onRegistryChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Starts watching elements: a PLANNED registry row each (with {@code watch = TRUE}), which the
     * JDBC proxy (with {@code telemetry(softDelete)}) watches from its next registry refresh, or at
     * once in this JVM. The watch's start is the evidence's start: an element is SAFE only after
     * the quiet period without access. Elements already watched are left as they are.
     *
     * @throws DeprecationInputException for unknown elements, names that are not plain identifiers,
     *                                   unsupported types, a reason code outside the list
     */
    public List<DeprecationRecord> watch(String reasonCode, DeprecationTarget... targets) {
        DeprecationReason reason = DeprecationReason.parse(reasonCode);
        List<DeprecationRecord> rows = jdbc.inTransaction(c -> {
            List<DeprecationRecord> out = new ArrayList<>();
            for (DeprecationTarget target : targets) {
                DeprecationPlanner.Resolved r = planner.resolve(c, target);
                List<DeprecationRecord> existing = registry.forElement(c, r.type(), r.registryTable(), r.name());
                if (existing.stream().noneMatch(DeprecationRecord::watch)) {
                    registry.insertWatch(c, r.type(), r.registryTable(), r.name(), reason.code(),
                            context.actors().currentActor());
                    existing = registry.forElement(c, r.type(), r.registryTable(), r.name());
                }
                out.add(existing.get(0));
            }
            return out;
        });
        context.auditLog().record("DEPRECATION_WATCH", AUDIT_TARGET, abbreviate(rows.stream()
                .map(DeprecationRecord::usageKey).toList().toString()), null, "SUCCESS", Map.of("reason", reason.code(),
                        "elements", rows.stream().map(DeprecationRecord::usageKey).toList()));
        notifyListeners();
        return rows;
    }

    /** Plans a deprecation: new names, dependencies, evidence, verdicts and the token. Changes nothing. */
    public DeprecationPlan plan(DeprecationRequest request) {
        return jdbc.withConnection(c -> planner.plan(c, request));
    }

    /** {@link #apply(DeprecationPlan, String, ApplyOptions)} refusing BLOCKED elements. */
    public DeprecationResult apply(DeprecationPlan plan, String token) {
        return apply(plan, token, ApplyOptions.defaults());
    }

    /**
     * Applies a plan: checks the token and that nothing changed since the plan, takes and validates
     * the backups, renames every element as one all-or-nothing step, and records the registry rows,
     * a DEPRECATION run and an audit entry.
     *
     * @throws DeprecationTokenException     when {@code token} is not the plan's
     * @throws StaleDeprecationPlanException when the catalog or the usage changed since the plan
     * @throws DeprecationBlockedException   when elements are BLOCKED and {@code options} does not force
     * @throws DeprecationFailedException    when a backup or rename failed (nothing stays renamed)
     */
    public DeprecationResult apply(DeprecationPlan plan, String token, ApplyOptions options) {
        if (token == null || !token.equals(plan.token())
                || !plan.token().equals(DeprecationPlan.tokenOf(plan.request(), plan.day(), plan.elements()))) {
            throw new DeprecationTokenException("The confirmation token does not match this plan (given '" + token
                    + "'): pass exactly the token printed with the plan you reviewed, plan.token(). Nothing was"
                    + " changed.");
        }
        DeprecationPlan fresh = plan(plan.request());
        if (!fresh.token().equals(plan.token())) {
            throw new StaleDeprecationPlanException("The plan is stale: " + differences(plan, fresh)
                    + ". Plan again, review the new plan and apply it with its own token. Nothing was changed.");
        }
        List<PlannedElement> blocked = fresh.blocked();
        if (!blocked.isEmpty() && !options.forced()) {
            throw new DeprecationBlockedException("Refusing to deprecate: " + blocked.size() + " element(s) BLOCKED: "
                    + blocked.stream().map(e -> e.qualifiedName() + " " + e.reasons().stream().map(BlockReason::code)
                            .toList()).toList() + ". Resolve the reasons and plan again, or apply with"
                    + " ApplyOptions.force(justification) (audited). Nothing was changed.");
        }
        return meters.time("apply", () -> execute(fresh, options));
    }

    private DeprecationResult execute(DeprecationPlan plan, ApplyOptions options) {
        List<PlannedElement> elements = plan.elements();
        RunRecord run = context.runRegistry().create(new NewRun(RunKind.DEPRECATION, RunMode.APPLY, RunStatus.RUNNING,
                "deprecate " + elements.size() + " element(s)", tableOf(elements.get(0)),
                elements.stream().map(e -> e.type() + " " + e.qualifiedName() + " -> " + e.newName()).toList().toString(),
                plan.toJson(), null, (long) elements.size()));
        long runId = run.id();
        List<String> backupTables = new ArrayList<>();
        long started = System.nanoTime();
        List<DeprecationRecord> records;
        try {
            records = jdbc.withConnection(c -> backup(c, runId, plan, options, backupTables));
        } catch (RuntimeException e) {
            jdbc.withConnection(c -> {
                backupTables.forEach(b -> backups.dropQuietly(c, b));
                return null;
            });
            fail(runId, "backup", e);
            throw new DeprecationFailedException("Deprecation run " + runId + " failed while taking backups: "
                    + rootMessage(e) + ". Nothing was renamed; the run is FAILED.", e);
        }
        Duration backupDuration = Duration.ofNanos(System.nanoTime() - started);
        long renameStart = System.nanoTime();
        List<AppliedElement> applied;
        try {
            applied = renameAll(runId, plan, records, options);
        } catch (RuntimeException e) {
            jdbc.withConnection(c -> {
                backupTables.forEach(b -> backups.dropQuietly(c, b));
                return null;
            });
            fail(runId, "rename", e);
            meters.operation("apply", "failure");
            throw new DeprecationFailedException("Deprecation run " + runId + " failed: " + rootMessage(e)
                    + ". Every rename already done was undone, so nothing is renamed; the run is FAILED. Fix the cause"
                    + " and plan again.", e);
        }
        Duration renameDuration = Duration.ofNanos(System.nanoTime() - renameStart);
        // After the commit, so that no lock is held while every row is read again.
        List<String> mismatches = jdbc.withConnection(c -> verifyRenamedTables(c, records));
        String verification = Document.write("deprecation-verification", 1, Map.of("tables_checked",
                records.stream().filter(r -> r.type() == SchemaObjectType.TABLE).count(), "mismatches", mismatches));
        context.runRegistry().finish(runId, RunStatus.COMPLETED, null, verification);
        if (!mismatches.isEmpty()) {
            log.error("Deprecation run {}: renamed tables no longer match their backup: {}", runId, mismatches);
            context.auditLog().record("DEPRECATION_VERIFY", AUDIT_TARGET, "run " + runId, runId, "FAILURE",
                    Map.of("mismatches", mismatches));
        }
        applied.forEach(a -> meters.element(a.type(), "applied"));
        meters.operation("apply", "success");
        notifyListeners();
        log.info("Deprecation run {} renamed {} element(s){}", runId, applied.size(), options.forced() ? " (forced)" : "");
        return new DeprecationResult(runId, applied, options.forced(), backupDuration, renameDuration, mismatches);
    }

    /** Takes and validates the backups; returns the registry rows to write (ids 0). */
    private List<DeprecationRecord> backup(Connection c, long runId, DeprecationPlan plan, ApplyOptions options,
            List<String> backupTables) throws SQLException {
        List<DeprecationRecord> out = new ArrayList<>();
        for (PlannedElement e : plan.elements()) {
            String backupRef = null;
            Long rows = null;
            String checksum = null;
            if (e.type() == SchemaObjectType.TABLE) {
                Backups.Check check = backups.check(c, e.name(), columns(e.name()));
                rows = check.rows();
                checksum = check.checksum();
            } else if (e.type() == SchemaObjectType.COLUMN) {
                List<String> cols = columnBackupColumns(e);
                String backup = dialect.foldCase(context.schema().prefix() + "dbk_" + runId + "_" + e.step());
                backups.copy(c, e.table(), cols, backup);
                backupTables.add(backup);
                Backups.Check copy = backups.check(c, backup, cols);
                List<String> keys = keysOf(cols, e.name());
                if (keys.isEmpty()) {
                    Backups.Check source = backups.check(c, e.table(), cols);
                    if (!source.equals(copy)) {
                        throw new DeprecationFailedException("The backup " + backup + " of " + e.qualifiedName()
                                + " does not match the table: " + source + " vs " + copy + ". Nothing was renamed.");
                    }
                } else {
                    // Row by row, by key: rows the application inserts or deletes meanwhile (other
                    // columns are still in use) do not make a correct copy fail.
                    Backups.Comparison cmp = backups.compare(c, e.table(), e.name(), backup, e.name(), keys,
                            isPrimaryKey(c, e.table(), keys));
                    if (cmp.changed() > 0 || cmp.added() > 0) {
                        throw new DeprecationFailedException("The backup " + backup + " of " + e.qualifiedName()
                                + " does not match the table: " + cmp.changed() + " value(s) differ and " + cmp.added()
                                + " row(s) not in the backup carry a value (the column was written while it was"
                                + " copied). Nothing was renamed; apply again once nothing writes it.");
                    }
                }
                backupRef = backup;
                rows = copy.rows();
                checksum = copy.checksum();
            }
            String definition = objects.definition(c, e.type(), e.table(), e.name());
            long accesses = usage.total(c, e.type() == SchemaObjectType.COLUMN
                    ? List.of(e.table() + "." + e.name(), e.table() + "." + e.newName()) : List.of(e.name(), e.newName()));
            String dependencies = Document.write(DEPENDENCIES_KIND, 1, Map.of("dependencies",
                    e.toMap(false).get("dependencies"), "verdict", e.verdict().name(), "reasons", e.toMap(false).get("reasons")));
            out.add(new DeprecationRecord(0, e.type(), e.table() == null ? e.name() : e.table(), e.name(), e.newName(),
                    plan.request().reason().code(), DeprecationState.APPLIED, true, dependencies, backupRef,
                    context.actors().currentActor(), null, null, null, runId, null, e.step(), rows, checksum, definition,
                    accesses, e.verdict() == Verdict.BLOCKED ? options.justification() : null));
        }
        return out;
    }

    /** Whether {@code keys} are exactly the primary key of {@code table} (so never NULL). */
    private boolean isPrimaryKey(Connection c, String table, List<String> keys) throws SQLException {
        List<String> pk = context.catalog().find(c, Identifier.quoted(table)).orElseThrow()
                .primaryKey();
        return !pk.isEmpty() && pk.size() == keys.size() && pk.stream().allMatch(k -> keys.stream()
                .anyMatch(k::equalsIgnoreCase));
    }

    /** The backup's key columns: all its columns but the deprecated one. */
    private static List<String> keysOf(List<String> backupColumns, String column) {
        return backupColumns.stream().filter(col -> !col.equalsIgnoreCase(column)).toList();
    }

    private List<String> columns(String table) {
        return context.catalog().require(table).columns().stream().map(col -> col.name()).toList();
    }

    private List<String> columnBackupColumns(PlannedElement e) {
        var table = context.catalog().require(e.table());
        List<String> cols = new ArrayList<>(table.primaryKey());
        if (cols.isEmpty()) {
            return table.columns().stream().map(col -> col.name()).toList();
        }
        if (cols.stream().noneMatch(k -> k.equalsIgnoreCase(e.name()))) {
            cols.add(e.name());
        }
        return cols;
    }

    /** Renames every element, then records; all or nothing. */
    private List<AppliedElement> renameAll(long runId, DeprecationPlan plan, List<DeprecationRecord> records,
            ApplyOptions options) {
        List<PlannedElement> elements = plan.elements();
        if (dialect.supportsTransactionalDdl()) {
            return jdbc.inTransaction(c -> {
                for (PlannedElement e : elements) {
                    rename(c, e);
                }
                return record(c, runId, plan, records, options);
            });
        }
        List<PlannedElement> done = new ArrayList<>();
        try {
            jdbc.withConnection(c -> {
                for (PlannedElement e : elements) {
                    rename(c, e);
                    done.add(e);
                }
                return null;
            });
            return jdbc.inTransaction(c -> record(c, runId, plan, records, options));
        } catch (RuntimeException e) {
            compensate(done, e);
            throw e;
        }
    }

    private void rename(Connection c, PlannedElement e) throws SQLException {
        beforeRename.accept(e.step(), e);
        try {
            execute(c, objects.rename(e.type(), e.table(), e.name(), e.newName()));
        } catch (SQLException failure) {
            throw new SQLException("step " + e.step() + ", " + e.type() + " " + e.qualifiedName() + " -> " + e.newName()
                    + ": " + failure.getMessage(), failure.getSQLState(), failure.getErrorCode(), failure);
        }
    }

    /** Undoes renames already done, newest first; failures are attached to {@code cause}. */
    private void compensate(List<PlannedElement> done, RuntimeException cause) {
        List<PlannedElement> reversed = new ArrayList<>(done);
        Collections.reverse(reversed);
        try {
            jdbc.withConnection(c -> {
                for (PlannedElement e : reversed) {
                    try {
                        execute(c, objects.rename(e.type(), e.table(), e.newName(), e.name()));
                    } catch (SQLException failure) {
                        cause.addSuppressed(new DeprecationFailedException("Could not rename " + e.newName()
                                + " back to " + e.name() + " (" + e.type() + "): do it by hand: "
                                + objects.rename(e.type(), e.table(), e.newName(), e.name()), failure));
                    }
                }
                return null;
            });
        } catch (RuntimeException failure) {
            cause.addSuppressed(failure);
        }
    }

    private List<AppliedElement> record(Connection c, long runId, DeprecationPlan plan, List<DeprecationRecord> records,
            ApplyOptions options) throws SQLException {
        List<AppliedElement> applied = new ArrayList<>();
        for (DeprecationRecord r : records) {
            Long watchRow = registry.forElement(c, r.type(), r.table(), r.name()).stream()
                    .filter(row -> row.state() == DeprecationState.PLANNED).map(DeprecationRecord::id).findFirst()
                    .orElse(null);
            long id = registry.recordApplied(c, watchRow, r);
            applied.add(new AppliedElement(id, r.step(), r.type(), r.type().belongsToTable() ? r.table() : null,
                    r.name(), r.deprecatedName(), r.backupRef(), r.rowCount(), r.checksum(), r.definition()));
        }
        context.runRegistry().recordBatch(c, runId, applied.size(), applied.size(), 0, false, null);
        context.runRegistry().finish(c, runId, RunStatus.COMPLETED, null, null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("elements", applied.stream().map(a -> a.type() + " " + (a.table() == null ? "" : a.table() + ".")
                + a.name() + " -> " + a.newName()).toList());
        details.put("reason", plan.request().reason().code());
        details.put("token", plan.token());
        details.put("forced", options.forced());
        if (options.forced()) {
            details.put("justification", options.justification());
            details.put("blocked", plan.blocked().stream().map(e -> e.qualifiedName() + " " + e.reasons().stream()
                    .map(BlockReason::code).toList()).toList());
        }
        context.auditLog().record(c, "DEPRECATION_APPLY", AUDIT_TARGET, target(applied), runId, "SUCCESS", details);
        return applied;
    }

    /**
     * Re-counts and re-checksums the renamed tables under their new names and compares with the
     * backup (a rename keeps the data: this proves it); returns the mismatches.
     */
    private List<String> verifyRenamedTables(Connection c, List<DeprecationRecord> records) throws SQLException {
        List<String> mismatches = new ArrayList<>();
        for (DeprecationRecord r : records) {
            if (r.type() == SchemaObjectType.TABLE) {
                Backups.Check check = backups.check(c, r.deprecatedName(), columnsOn(c, r.deprecatedName()));
                if (!check.equals(new Backups.Check(r.rowCount(), r.checksum()))) {
                    mismatches.add("table " + r.deprecatedName() + ": " + check.rows() + " rows, checksum "
                            + check.checksum() + " after the rename; " + r.rowCount() + " rows, checksum "
                            + r.checksum() + " before");
                }
            }
        }
        return mismatches;
    }

    private List<String> columnsOn(Connection c, String table) throws SQLException {
        return context.catalog().find(c, Identifier.quoted(table)).orElseThrow()
                .columns().stream().map(col -> col.name()).toList();
    }

    /** {@link #rollback(long, RollbackOptions)} refusing a backup mismatch. */
    public RollbackResult rollback(long deprecationRunId) {
        return rollback(deprecationRunId, RollbackOptions.defaults());
    }

    /**
     * Renames the elements of a deprecation run back, in reverse order, after re-checking the row
     * count and checksum of every table and column against the backup taken when it was renamed.
     * Records a DEPRECATION run in mode UNDO (its parent is the run), marks the run UNDONE and its
     * registry rows ROLLED_BACK, and audits it.
     *
     * @throws DeprecationStateException for a run that is not a completed deprecation (a rollback
     *                                   of a rollback, a run already rolled back, a missing object)
     * @throws BackupMismatchException   when data no longer matches the backup and {@code options}
     *                                   does not force
     */
    public RollbackResult rollback(long deprecationRunId, RollbackOptions options) {
        return meters.time("rollback", () -> doRollback(deprecationRunId, options));
    }

    /**
     * Rolls back every deprecation run completed after {@code checkpointRunId} (itself a
     * deprecation run, which stays applied), newest first.
     *
     * @return the rollbacks, in the order they happened
     */
    public List<RollbackResult> rollbackTo(long checkpointRunId, RollbackOptions options) {
        RunRecord checkpoint = context.runRegistry().require(checkpointRunId);
        if (checkpoint.kind() != RunKind.DEPRECATION || checkpoint.mode() != RunMode.APPLY) {
            throw new DeprecationStateException("Run " + checkpointRunId + " is a " + checkpoint.kind() + " run in mode "
                    + checkpoint.mode() + ", not a deprecation: a checkpoint is a deprecation run (DeprecationResult.runId())."
                    + " Nothing was changed.");
        }
        List<RollbackResult> out = new ArrayList<>();
        for (RunRecord run : context.runRegistry().list(RunKind.DEPRECATION, Integer.MAX_VALUE)) {
            if (run.id() > checkpointRunId && run.mode() == RunMode.APPLY && run.status() == RunStatus.COMPLETED) {
                out.add(rollback(run.id(), options));
            }
        }
        return out;
    }

    private RollbackResult doRollback(long runId, RollbackOptions options) {
        RunRecord run = context.runRegistry().require(runId);
        if (run.kind() != RunKind.DEPRECATION) {
            throw new DeprecationStateException("Run " + runId + " is a " + run.kind() + " run, not a deprecation:"
                    + " give the run id a deprecation returned (DeprecationResult.runId()). Nothing was changed.");
        }
        if (run.mode() == RunMode.UNDO) {
            throw new DeprecationStateException("Run " + runId + " is itself the rollback of deprecation run "
                    + run.parentRunId() + "; a rollback cannot be rolled back. To rename the elements again, plan and"
                    + " apply a new deprecation. Nothing was changed.");
        }
        if (run.status() == RunStatus.UNDONE) {
            throw new DeprecationStateException("Deprecation run " + runId + " was already rolled back (see its UNDO"
                    + " run in migration_runs, parent_run_id = " + runId + "). Nothing was changed.");
        }
        if (run.status() != RunStatus.COMPLETED) {
            throw new DeprecationStateException("Deprecation run " + runId + " is " + run.status() + ", not COMPLETED:"
                    + " it renamed nothing that stayed renamed. Nothing was changed.");
        }
        List<DeprecationRecord> records = jdbc.withConnection(c -> registry.forRun(c, runId)).stream()
                .filter(r -> r.state() == DeprecationState.APPLIED).toList();
        long checkStart = System.nanoTime();
        List<String> mismatches = jdbc.withConnection(c -> checkBeforeRollback(c, runId, records));
        Duration checkDuration = Duration.ofNanos(System.nanoTime() - checkStart);
        if (!mismatches.isEmpty() && !options.forced()) {
            throw new BackupMismatchException("Refusing to roll back deprecation run " + runId + ": the data no longer"
                    + " matches the backup taken when it was renamed: " + mismatches + ". Someone wrote to the"
                    + " deprecated element since (see deprecated_usage for who). Compare with the backup, then roll back"
                    + " with RollbackOptions.force(justification) to rename back as it is now. Nothing was changed.");
        }
        RunRecord rollbackRun = context.runRegistry().create(new NewRun(RunKind.DEPRECATION, RunMode.UNDO,
                RunStatus.RUNNING, "roll back deprecation run " + runId, run.targetTable(), run.ruleDescription(), null,
                runId, (long) records.size()));
        List<DeprecationRecord> reversed = new ArrayList<>(records);
        Collections.reverse(reversed);
        long renameStart = System.nanoTime();
        try {
            List<AppliedElement> elements = renameBack(rollbackRun.id(), runId, reversed, mismatches, options);
            Duration renameDuration = Duration.ofNanos(System.nanoTime() - renameStart);
            elements.forEach(a -> meters.element(a.type(), "rolled_back"));
            meters.operation("rollback", "success");
            notifyListeners();
            return new RollbackResult(rollbackRun.id(), runId, elements, mismatches, checkDuration, renameDuration);
        } catch (RuntimeException e) {
            fail(rollbackRun.id(), "rollback", e);
            meters.operation("rollback", "failure");
            throw new DeprecationFailedException("Rollback of deprecation run " + runId + " failed: " + rootMessage(e)
                    + ". Every name already put back was renamed to its deprecated name again, so run " + runId
                    + " stays applied; the rollback run " + rollbackRun.id() + " is FAILED. Fix the cause and retry.", e);
        }
    }

    /** Existence of each renamed object and original name, and the backup checks; returns the mismatches. */
    private List<String> checkBeforeRollback(Connection c, long runId, List<DeprecationRecord> records)
            throws SQLException {
        List<String> mismatches = new ArrayList<>();
        for (DeprecationRecord r : records) {
            String table = r.type().belongsToTable() ? r.table() : null;
            boolean present = switch (r.type()) {
                case TABLE -> objects.find(c, SchemaObjectType.TABLE, null, r.deprecatedName()).isPresent();
                case COLUMN -> context.catalog().find(c, Identifier.quoted(r.table()))
                        .map(t -> t.columns().stream().anyMatch(col -> col.name().equals(r.deprecatedName())))
                        .orElse(false);
                default -> objects.find(c, r.type(), table, r.deprecatedName()).isPresent();
            };
            if (!present) {
                throw new DeprecationStateException("Cannot roll back deprecation run " + runId + ": " + r.type() + " "
                        + r.deprecatedName() + (table == null ? "" : " on " + table) + " no longer exists (renamed or"
                        + " dropped by hand?). Restore it from its backup (" + (r.backupRef() == null ? "definition in the"
                        + " registry row " + r.id() : r.backupRef()) + ") first. Nothing was changed.");
            }
            if (objects.nameTaken(c, r.type(), table, r.name())) {
                throw new DeprecationStateException("Cannot roll back deprecation run " + runId + ": the original name "
                        + r.name() + (table == null ? "" : " on " + table) + " is taken again by another object. Rename"
                        + " that object first. Nothing was changed.");
            }
            if (r.type() == SchemaObjectType.TABLE) {
                Backups.Check now = backups.check(c, r.deprecatedName(), columnsOn(c, r.deprecatedName()));
                if (!now.equals(new Backups.Check(r.rowCount(), r.checksum()))) {
                    mismatches.add("table " + r.deprecatedName() + ": " + now.rows() + " rows, checksum "
                            + now.checksum() + "; backup: " + r.rowCount() + " rows, checksum " + r.checksum());
                }
            } else if (r.type() == SchemaObjectType.COLUMN) {
                if (objects.find(c, SchemaObjectType.TABLE, null, r.backupRef()).isEmpty()) {
                    mismatches.add("backup table " + r.backupRef() + " of column " + r.table() + "." + r.name()
                            + " is missing");
                    continue;
                }
                List<String> backupCols = columnsOn(c, r.backupRef());
                Backups.Check copy = backups.check(c, r.backupRef(), backupCols);
                if (!copy.equals(new Backups.Check(r.rowCount(), r.checksum()))) {
                    mismatches.add("backup table " + r.backupRef() + ": " + copy.rows() + " rows, checksum "
                            + copy.checksum() + "; recorded: " + r.rowCount() + " rows, checksum " + r.checksum());
                }
                List<String> keys = keysOf(backupCols, r.name());
                if (keys.isEmpty()) {
                    List<String> cols = backupCols.stream().map(col -> col.equalsIgnoreCase(r.name())
                            ? r.deprecatedName() : col).toList();
                    Backups.Check now = backups.check(c, r.table(), cols);
                    if (!now.equals(copy)) {
                        mismatches.add("column " + r.table() + "." + r.deprecatedName() + ": " + now.rows()
                                + " rows, checksum " + now.checksum() + "; backup: " + copy.rows() + " rows, checksum "
                                + copy.checksum());
                    }
                } else {
                    Backups.Comparison cmp = backups.compare(c, r.table(), r.deprecatedName(), r.backupRef(),
                            r.name(), keys, isPrimaryKey(c, r.table(), keys));
                    if (cmp.changed() > 0 || cmp.added() > 0) {
                        mismatches.add("column " + r.table() + "." + r.deprecatedName() + ": " + cmp.changed()
                                + " value(s) differ from the backup and " + cmp.added() + " row(s) added since carry a"
                                + " value (checksum of the backup " + copy.checksum() + ")");
                    }
                    if (cmp.missing() > 0) {
                        log.info("Deprecation run {}: {} row(s) of {} were deleted since it was renamed; their"
                                + " values stay in {}", runId, cmp.missing(), r.table(), r.backupRef());
                    }
                }
            }
        }
        return mismatches;
    }

    private List<AppliedElement> renameBack(long rollbackRunId, long runId, List<DeprecationRecord> reversed,
            List<String> mismatches, RollbackOptions options) {
        if (dialect.supportsTransactionalDdl()) {
            return jdbc.inTransaction(c -> {
                for (DeprecationRecord r : reversed) {
                    renameBack(c, r);
                }
                return recordRollback(c, rollbackRunId, runId, reversed, mismatches, options);
            });
        }
        List<DeprecationRecord> done = new ArrayList<>();
        try {
            jdbc.withConnection(c -> {
                for (DeprecationRecord r : reversed) {
                    renameBack(c, r);
                    done.add(r);
                }
                return null;
            });
            return jdbc.inTransaction(c -> recordRollback(c, rollbackRunId, runId, reversed, mismatches, options));
        } catch (RuntimeException e) {
            Collections.reverse(done);
            try {
                jdbc.withConnection(c -> {
                    for (DeprecationRecord r : done) {
                        try {
                            execute(c, objects.rename(r.type(), tableOf(r), r.name(), r.deprecatedName()));
                        } catch (SQLException failure) {
                            e.addSuppressed(failure);
                        }
                    }
                    return null;
                });
            } catch (RuntimeException failure) {
                e.addSuppressed(failure);
            }
            throw e;
        }
    }

    private void renameBack(Connection c, DeprecationRecord r) throws SQLException {
        beforeRenameBack.accept(r);
        try {
            execute(c, objects.rename(r.type(), tableOf(r), r.deprecatedName(), r.name()));
        } catch (SQLException failure) {
            throw new SQLException("step " + r.step() + ", " + r.type() + " " + r.deprecatedName() + " -> " + r.name()
                    + ": " + failure.getMessage(), failure.getSQLState(), failure.getErrorCode(), failure);
        }
    }

    private List<AppliedElement> recordRollback(Connection c, long rollbackRunId, long runId,
            List<DeprecationRecord> reversed, List<String> mismatches, RollbackOptions options) throws SQLException {
        List<AppliedElement> out = new ArrayList<>();
        for (DeprecationRecord r : reversed) {
            registry.markRolledBack(c, r.id(), rollbackRunId);
            out.add(new AppliedElement(r.id(), r.step(), r.type(), tableOf(r), r.name(), r.deprecatedName(),
                    r.backupRef(), r.rowCount(), r.checksum(), r.definition()));
        }
        context.runRegistry().recordBatch(c, rollbackRunId, out.size(), out.size(), 0, false, null);
        context.runRegistry().finish(c, rollbackRunId, RunStatus.COMPLETED, null, null);
        context.runRegistry().transition(c, runId, RunStatus.COMPLETED, RunStatus.UNDONE);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deprecation_run", runId);
        details.put("elements", out.stream().map(a -> a.type() + " " + a.newName() + " -> " + a.name()).toList());
        details.put("forced", options.forced());
        if (options.forced()) {
            details.put("justification", options.justification());
            details.put("mismatches", mismatches);
        }
        context.auditLog().record(c, "DEPRECATION_ROLLBACK", AUDIT_TARGET, target(out), rollbackRunId, "SUCCESS",
                details);
        return out;
    }

    /**
     * The dashboard: every registry row with its usage since it was renamed and a verdict for
     * removal (phase 2), as objects and JSON. {@code coolingOff} is how long a renamed element must
     * stay unused before removal may be considered.
     */
    public DeprecationStatus status(Duration coolingOff) {
        DeprecationStatus status = jdbc.withConnection(c -> {
            List<DeprecatedElementStatus> out = new ArrayList<>();
            var now = context.clock().instant();
            for (DeprecationRecord r : registry.all(c)) {
                List<String> keys = r.deprecatedUsageKey() == null ? List.of(r.usageKey())
                        : List.of(r.usageKey(), r.deprecatedUsageKey());
                List<DeprecatedUsage.Row> rows = usage.rows(c, keys);
                long total = rows.stream().mapToLong(DeprecatedUsage.Row::count).sum();
                DeprecatedUsage.Row last = rows.stream().max(Comparator.comparing(DeprecatedUsage.Row::lastAccess))
                        .orElse(null);
                long since = r.state() == DeprecationState.APPLIED && r.accessesAtApply() != null
                        ? Math.max(0, total - r.accessesAtApply()) : 0;
                out.add(DeprecatedElementStatus.of(r, now, total, since, last == null ? null : last.lastAccess(),
                        last == null ? null : last.caller(), coolingOff));
            }
            return new DeprecationStatus(now, coolingOff, out);
        });
        meters.snapshot(status);
        return status;
    }

    /** {@link #status(Duration)} with a cooling-off period of 30 days. */
    public DeprecationStatus status() {
        return status(DeprecationStatus.DEFAULT_COOLING_OFF);
    }

    /** Every registry row, oldest first. */
    public List<DeprecationRecord> records() {
        return jdbc.withConnection(registry::all);
    }

    /** Tests only: runs {@code hook} before each rename of a rollback (e.g. to make one fail). */
    void beforeRenameBack(Consumer<DeprecationRecord> hook) {
        this.beforeRenameBack = hook;
    }

    /** Tests only: runs {@code hook} before each rename of an apply (e.g. to make one fail). */
    void beforeRename(BiConsumer<Integer, PlannedElement> hook) {
        this.beforeRename = hook;
    }

    private void fail(long runId, String phase, RuntimeException e) {
        try {
            context.runRegistry().finish(runId, RunStatus.FAILED, phase + ": " + rootMessage(e), null);
            context.auditLog().record("DEPRECATION_" + (phase.equals("rollback") ? "ROLLBACK" : "APPLY"), AUDIT_TARGET,
                    "run " + runId, runId, "FAILURE", Map.of("phase", phase, "error", rootMessage(e)));
        } catch (RuntimeException failure) {
            e.addSuppressed(failure);
        }
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A deprecation registry listener failed; ignored", e);
            }
        }
    }

    private static void execute(Connection c, String ddl) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(ddl);
        }
    }

    private static String tableOf(PlannedElement e) {
        return e.table() == null ? e.name() : e.table();
    }

    private static String tableOf(DeprecationRecord r) {
        return r.type().belongsToTable() ? r.table() : null;
    }

    private static String target(List<AppliedElement> elements) {
        return abbreviate(elements.stream().map(a -> a.table() == null ? a.name() : a.table() + "." + a.name()).toList()
                .toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 397) + "...";
    }

    /** The message of the outermost SQLException in the chain (it names the step), else of the root cause. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof SQLException) {
                return t.getMessage();
            }
            if (t.getCause() == null || t.getCause() == t) {
                return t.getMessage() == null ? t.toString() : t.getMessage();
            }
            t = t.getCause();
        }
        return String.valueOf(e);
    }

    private static String differences(DeprecationPlan before, DeprecationPlan now) {
        List<String> out = new ArrayList<>();
        if (!before.day().equals(now.day())) {
            out.add("the day changed (" + before.day() + " -> " + now.day() + "), so the new names did");
        }
        for (int i = 0; i < Math.min(before.elements().size(), now.elements().size()); i++) {
            PlannedElement a = before.elements().get(i);
            PlannedElement b = now.elements().get(i);
            String name = a.qualifiedName();
            if (!a.dependencies().equals(b.dependencies())) {
                out.add(name + ": dependencies " + a.dependencies().size() + " -> " + b.dependencies().size());
            }
            if (!a.newName().equals(b.newName())) {
                out.add(name + ": new name " + a.newName() + " -> " + b.newName());
            }
            if (a.evidence().accessCount() != b.evidence().accessCount()
                    || !Objects.equals(a.evidence().lastAccess(), b.evidence().lastAccess())
                    || !Objects.equals(a.evidence().watchedSince(), b.evidence().watchedSince())) {
                out.add(name + ": usage " + a.evidence().accessCount() + " -> " + b.evidence().accessCount()
                        + " accesses, last " + a.evidence().lastAccess() + " -> " + b.evidence().lastAccess());
            }
            if (a.verdict() != b.verdict()) {
                out.add(name + ": verdict " + a.verdict() + " -> " + b.verdict());
            }
        }
        return out.isEmpty() ? "its content changed" : String.join("; ", out);
    }
}
