package dev.softdelete.core.audit;

import dev.softdelete.core.internal.Document;
import dev.softdelete.core.ActorProvider;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.schema.LibrarySchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Appends to and reads the library's audit log table. */
public final class AuditLog {

    private final Jdbc jdbc;
    private final String table;
    private final Clock clock;
    private final ActorProvider actors;
    private final String host;

    /** Document kind of the {@code details} column. */
    public static final String DETAILS_KIND = "audit-details";

    /** Binds the log to its table in {@code schema}; {@code host} identifies this instance in every entry. */
    public AuditLog(Jdbc jdbc, LibrarySchema schema, Clock clock, ActorProvider actors, String host) {
        this.jdbc = jdbc;
        this.table = schema.table(LibraryTable.AUDIT_LOG);
        this.clock = clock;
        this.actors = actors;
        this.host = host;
    }

    /**
     * Records an entry in its own transaction. {@code details} are stored as a versioned JSON
     * document of kind {@value #DETAILS_KIND} (values: strings, numbers, booleans, instants,
     * durations, lists and maps of these).
     */
    public void record(String action, String targetType, String targetName, Long runId, String outcome,
            Map<String, ?> details) {
        jdbc.withConnection(c -> {
            record(c, action, targetType, targetName, runId, outcome, details);
            return null;
        });
    }

    /**
     * Records an entry in its own transaction on behalf of {@code actor}, for entries written on
     * another thread than the one that acted (where the {@code ActorProvider} would see no one).
     */
    public void recordAs(String actor, String action, String targetType, String targetName, Long runId,
            String outcome, Map<String, ?> details) {
        jdbc.withConnection(c -> {
            insert(c, actor, action, targetType, targetName, runId, outcome, details);
            return null;
        });
    }

    /** Records an entry on the caller's connection, so it commits or rolls back with the change it audits. */
    public void record(Connection connection, String action, String targetType, String targetName, Long runId,
            String outcome, Map<String, ?> details) throws SQLException {
        insert(connection, actors.currentActor(), action, targetType, targetName, runId, outcome, details);
    }

    private void insert(Connection connection, String actor, String action, String targetType, String targetName,
            Long runId, String outcome, Map<String, ?> details) throws SQLException {
        jdbc.update(connection, "INSERT INTO " + table + " (occurred_at, actor, host, action, target_type,"
                + " target_name, run_id, outcome, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                clock.instant(), actor, host, action, targetType, targetName, runId, outcome,
                details == null ? null : Document.write(DETAILS_KIND, 1, details));
    }

    /** The most recent entries of every target (newest first). */
    public List<AuditEntry> recent(int limit) {
        return jdbc.withConnection(c -> jdbc.query(c, "SELECT * FROM " + table + " ORDER BY id DESC LIMIT ?",
                this::entry, limit));
    }

    /** The most recent entries for a target (newest first). */
    public List<AuditEntry> forTarget(String targetType, String targetName, int limit) {
        return jdbc.withConnection(c -> jdbc.query(c, "SELECT * FROM " + table
                + " WHERE target_type = ? AND target_name = ? ORDER BY id DESC LIMIT ?", this::entry,
                targetType, targetName, limit));
    }

    private AuditEntry entry(java.sql.ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), jdbc.dialect().getInstant(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("host"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_name"),
                rs.getObject("run_id", Long.class), rs.getString("outcome"), rs.getString("details"));
    }
}
