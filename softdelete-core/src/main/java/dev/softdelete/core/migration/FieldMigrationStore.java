package dev.softdelete.core.migration;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.UpsertColumn;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.core.schema.LibrarySchema;
import dev.softdelete.core.schema.LibraryTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every statement on {@code {prefix}field_migrations} and {@code {prefix}field_migration_readers}.
 * Methods taking a {@link Connection} join the caller's transaction, so a phase change commits with
 * its audit entry.
 */
final class FieldMigrationStore {

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final Clock clock;
    private final String table;
    private final String readers;
    private final String upsertReader;

    FieldMigrationStore(Jdbc jdbc, LibrarySchema schema, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect();
        this.clock = clock;
        this.table = schema.table(LibraryTable.FIELD_MIGRATIONS);
        this.readers = schema.table(LibraryTable.FIELD_MIGRATION_READERS);
        this.upsertReader = dialect.upsert(readers, List.of(
                UpsertColumn.key("migration_id", "BIGINT"), UpsertColumn.key("instance_id", "VARCHAR(200)"),
                UpsertColumn.of("read_mode", "VARCHAR(20)", UpsertColumn.Merge.REPLACE),
                UpsertColumn.of("reported_at", dialect.timestampType(), UpsertColumn.Merge.REPLACE)));
    }

    long insert(Connection c, long runId, FieldMigration definition) throws SQLException {
        Instant now = clock.instant();
        return jdbc.insertReturningKey(c, "INSERT INTO " + table + " (run_id, name, table_name, old_column, new_column,"
                + " spec, phase, paused, created_at, updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                "id", runId, definition.name(), definition.table(), definition.oldColumn(), definition.newColumn(),
                definition.encode(), Phase.EXPAND, false, now, now);
    }

    Optional<FieldMigrationState> find(String name) {
        return jdbc.withConnection(c -> find(c, name));
    }

    Optional<FieldMigrationState> find(Connection c, String name) throws SQLException {
        return jdbc.queryOne(c, "SELECT * FROM " + table + " WHERE name = ?", this::map, name);
    }

    Optional<FieldMigrationState> find(long id) {
        return jdbc.withConnection(c -> find(c, id));
    }

    Optional<FieldMigrationState> find(Connection c, long id) throws SQLException {
        return jdbc.queryOne(c, "SELECT * FROM " + table + " WHERE id = ?", this::map, id);
    }

    /** Reads the row and locks it until the caller's transaction ends. */
    Optional<FieldMigrationState> lock(Connection c, long id) throws SQLException {
        return jdbc.queryOne(c, "SELECT * FROM " + table + " WHERE id = ? FOR UPDATE", this::map, id);
    }

    List<FieldMigrationState> list(int limit) {
        return jdbc.withConnection(c -> jdbc.query(c, "SELECT * FROM " + table + " ORDER BY id DESC LIMIT ?", this::map,
                limit));
    }

    /** Moves the phase from {@code from} to {@code to}, only if it is {@code from}; whether it did. */
    boolean casPhase(Connection c, long id, Phase from, Phase to) throws SQLException {
        return jdbc.update(c, "UPDATE " + table + " SET phase = ?, updated_at = ?, row_version = row_version + 1"
                + " WHERE id = ? AND phase = ?", to, clock.instant(), id, from) == 1;
    }

    /** Starts the backfill: options, estimate, not paused; only in {@code phase}. */
    boolean startBackfill(Connection c, long id, Phase phase, BackfillOptions options, long estimatedRows)
            throws SQLException {
        return jdbc.update(c, "UPDATE " + table + " SET phase = ?, backfill_options = ?, estimated_rows = ?,"
                + " paused = ?, pause_reason = NULL, updated_at = ?, row_version = row_version + 1 WHERE id = ?"
                + " AND phase = ?", Phase.BACKFILL, options.encode(), estimatedRows, false, clock.instant(), id, phase)
                == 1;
    }

    /** Pauses or resumes the backfill, only while the migration is in BACKFILL and not already so; whether it did. */
    boolean setPaused(Connection c, long id, boolean paused, String reason) throws SQLException {
        return jdbc.update(c, "UPDATE " + table + " SET paused = ?, pause_reason = ?, updated_at = ?,"
                + " row_version = row_version + 1 WHERE id = ? AND phase = ? AND paused = ?", paused,
                reason == null ? null : truncate(reason), clock.instant(), id, Phase.BACKFILL, !paused) == 1;
    }

    void setRunId(Connection c, long id, long runId) throws SQLException {
        jdbc.update(c, "UPDATE " + table + " SET run_id = ?, updated_at = ?, row_version = row_version + 1 WHERE id = ?",
                runId, clock.instant(), id);
    }

    void clearPause(Connection c, long id) throws SQLException {
        jdbc.update(c, "UPDATE " + table + " SET paused = ?, pause_reason = NULL WHERE id = ?", false, id);
    }

    void setVerification(Connection c, long id, long mismatches, Instant at) throws SQLException {
        jdbc.update(c, "UPDATE " + table + " SET mismatches = ?, verified_at = ?, updated_at = ?,"
                + " row_version = row_version + 1 WHERE id = ?", mismatches, at, clock.instant(), id);
    }

    void reportReader(long migrationId, String instanceId, ReadMode mode) {
        Instant now = clock.instant();
        jdbc.inTransaction(c -> jdbc.update(c, upsertReader, migrationId, instanceId, mode, now));
    }

    /** Instances that reported since {@code since}, with what they read. */
    Map<String, ReadMode> readers(long migrationId, Instant since) {
        Map<String, ReadMode> result = new LinkedHashMap<>();
        jdbc.withConnection(c -> jdbc.query(c, "SELECT instance_id, read_mode FROM " + readers
                + " WHERE migration_id = ? AND reported_at >= ? ORDER BY instance_id", rs -> result.put(rs.getString(1),
                        ReadMode.valueOf(rs.getString(2))), migrationId, since));
        return result;
    }

    private FieldMigrationState map(ResultSet rs) throws SQLException {
        String options = rs.getString("backfill_options");
        return new FieldMigrationState(rs.getLong("id"), rs.getLong("run_id"), FieldMigration.decode(rs.getString("spec")),
                Phase.valueOf(rs.getString("phase")), rs.getBoolean("paused"), rs.getString("pause_reason"),
                options == null ? null : BackfillOptions.decode(options), rs.getObject("estimated_rows", Long.class),
                rs.getObject("mismatches", Long.class), dialect.getInstant(rs, "verified_at"),
                dialect.getInstant(rs, "created_at"), dialect.getInstant(rs, "updated_at"), rs.getInt("row_version"));
    }

    private static String truncate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }
}
