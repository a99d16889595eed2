package dev.softdelete.core.registry;

import dev.softdelete.core.ActorProvider;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.core.schema.LibrarySchema;
import dev.softdelete.core.schema.LibraryTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The run registry ({@code {prefix}migration_runs}): every preview, apply, undo, purge and
 * backfill is a row here, with its counts, cursor and outcome. Methods taking a
 * {@link Connection} join the caller's transaction, so bookkeeping commits with the change.
 */
public final class RunRegistry {

    private final Jdbc jdbc;
    private final String table;
    private final Clock clock;
    private final ActorProvider actors;
    private final String host;

    /** Binds the registry to its table in {@code schema}; {@code host} identifies this instance in every run. */
    public RunRegistry(Jdbc jdbc, LibrarySchema schema, Clock clock, ActorProvider actors, String host) {
        this.jdbc = jdbc;
        this.table = schema.table(LibraryTable.RUNS);
        this.clock = clock;
        this.actors = actors;
        this.host = host;
    }

    /** The quoted registry table name. */
    public String table() {
        return table;
    }

    /** Registers a run in its own transaction and returns it. */
    public RunRecord create(NewRun run) {
        return jdbc.inTransaction(c -> create(c, run));
    }

    /** Registers a run on the caller's connection. */
    public RunRecord create(Connection connection, NewRun run) throws SQLException {
        var now = clock.instant();
        long id = jdbc.insertReturningKey(connection, "INSERT INTO " + table + " (kind, name, target_table,"
                + " rule_description, spec, mode, status, parent_run_id, preview_count, operator, host,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "id",
                run.kind(), run.name(), run.targetTable(), run.ruleDescription(), run.spec(), run.mode(),
                run.status(), run.parentRunId(), run.previewCount(), actors.currentActor(), host, now, now);
        return require(connection, id);
    }

    /** The run, if it exists. */
    public Optional<RunRecord> find(long id) {
        return jdbc.withConnection(c -> find(c, id));
    }

    /** The run, if it exists, read on the caller's connection. */
    public Optional<RunRecord> find(Connection connection, long id) throws SQLException {
        return jdbc.queryOne(connection, "SELECT * FROM " + table + " WHERE id = ?", this::map, id);
    }

    /** The run, or {@link RunNotFoundException}. */
    public RunRecord require(long id) {
        return jdbc.withConnection(c -> require(c, id));
    }

    /** The run, read on the caller's connection, or {@link RunNotFoundException}. */
    public RunRecord require(Connection connection, long id) throws SQLException {
        return find(connection, id).orElseThrow(() -> new RunNotFoundException(id, table));
    }

    /** The most recent runs, newest first. */
    public List<RunRecord> list(int limit) {
        return jdbc.withConnection(c -> jdbc.query(c, "SELECT * FROM " + table + " ORDER BY id DESC LIMIT ?",
                this::map, limit));
    }

    /** The most recent runs of one kind, newest first. */
    public List<RunRecord> list(RunKind kind, int limit) {
        return jdbc.withConnection(c -> jdbc.query(c, "SELECT * FROM " + table
                + " WHERE kind = ? ORDER BY id DESC LIMIT ?", this::map, kind, limit));
    }

    /** Runs whose {@code parent_run_id} is {@code parentRunId} (e.g. the undo of a run), oldest first. */
    public List<RunRecord> children(long parentRunId) {
        return jdbc.withConnection(c -> jdbc.query(c, "SELECT * FROM " + table + " WHERE parent_run_id = ? ORDER BY id",
                this::map, parentRunId));
    }

    /**
     * Moves a run to {@code to} only if it is currently in {@code from} (a compare-and-set in SQL).
     *
     * @return whether the transition happened
     */
    public boolean transition(Connection connection, long id, RunStatus from, RunStatus to) throws SQLException {
        var now = clock.instant();
        String started = to == RunStatus.RUNNING ? ", started_at = COALESCE(started_at, ?)" : "";
        String finished = to.isTerminal() ? ", finished_at = ?" : "";
        Object[] params = to == RunStatus.RUNNING
                ? new Object[] {to, now, now, id, from}
                : to.isTerminal() ? new Object[] {to, now, now, id, from} : new Object[] {to, now, id, from};
        return jdbc.update(connection, "UPDATE " + table + " SET status = ?, updated_at = ?" + started + finished
                + ", row_version = row_version + 1 WHERE id = ? AND status = ?", params) == 1;
    }

    /**
     * Adds one batch's counts and moves the cursor, on the caller's connection (the batch's own
     * transaction).
     */
    public void recordBatch(Connection connection, long id, long matched, long affected, long skipped,
            boolean failed, String cursor) throws SQLException {
        jdbc.update(connection, "UPDATE " + table + " SET matched_count = matched_count + ?,"
                + " affected_count = affected_count + ?, skipped_count = skipped_count + ?,"
                + " batch_count = batch_count + 1, failed_batches = failed_batches + ?,"
                + " cursor_value = COALESCE(?, cursor_value), updated_at = ?, row_version = row_version + 1"
                + " WHERE id = ?", matched, affected, skipped, failed ? 1 : 0, cursor, clock.instant(), id);
    }

    /**
     * Sets a run's counts to totals computed elsewhere (a background run's ranges), on the
     * caller's connection.
     */
    public void setCounts(Connection connection, long id, long matched, long affected, long skipped, long batches)
            throws SQLException {
        jdbc.update(connection, "UPDATE " + table + " SET matched_count = ?, affected_count = ?, skipped_count = ?,"
                + " batch_count = ?, updated_at = ?, row_version = row_version + 1 WHERE id = ?", matched, affected,
                skipped, batches, clock.instant(), id);
    }

    /** Locks the run's row for the caller's transaction and returns the run. */
    public RunRecord lock(Connection connection, long id) throws SQLException {
        return jdbc.queryOne(connection, "SELECT * FROM " + table + " WHERE id = ? FOR UPDATE", this::map, id)
                .orElseThrow(() -> new RunNotFoundException(id, table));
    }

    /** Sets the final status, error (may be null) and verification summary (may be null). */
    public void finish(Connection connection, long id, RunStatus status, String error, String verification)
            throws SQLException {
        var now = clock.instant();
        jdbc.update(connection, "UPDATE " + table + " SET status = ?, error_message = ?,"
                + " verification = COALESCE(?, verification), finished_at = ?, updated_at = ?,"
                + " row_version = row_version + 1 WHERE id = ?", status, truncate(error), verification,
                status.isTerminal() ? now : null, now, id);
    }

    /** Convenience: {@link #finish(Connection, long, RunStatus, String, String)} in its own transaction. */
    public void finish(long id, RunStatus status, String error, String verification) {
        jdbc.inTransaction(c -> {
            finish(c, id, status, error, verification);
            return null;
        });
    }

    private RunRecord map(ResultSet rs) throws SQLException {
        Dialect d = jdbc.dialect();
        return new RunRecord(rs.getLong("id"), RunKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("target_table"), rs.getString("rule_description"), rs.getString("spec"),
                RunMode.valueOf(rs.getString("mode")), RunStatus.valueOf(rs.getString("status")),
                rs.getObject("parent_run_id", Long.class), rs.getObject("preview_count", Long.class),
                rs.getLong("matched_count"), rs.getLong("affected_count"), rs.getLong("skipped_count"),
                rs.getLong("batch_count"), rs.getLong("failed_batches"), rs.getString("cursor_value"),
                rs.getString("error_message"), rs.getString("verification"), rs.getString("operator"),
                rs.getString("host"), rs.getString("lease_owner"), d.getInstant(rs, "lease_until"),
                d.getInstant(rs, "heartbeat_at"), d.getInstant(rs, "created_at"), d.getInstant(rs, "started_at"),
                d.getInstant(rs, "finished_at"), d.getInstant(rs, "updated_at"), rs.getInt("row_version"));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }
}
