package dev.softdelete.core.cleanup;

import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.UpsertColumn;
import dev.softdelete.core.jdbc.DataAccessException;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code {prefix}schedule_ticks} table: per named schedule, the last tick some instance acted
 * on. Claiming a tick is one guarded {@code UPDATE ... WHERE last_tick < tick}: several instances
 * reaching the same tick queue behind the row lock (bounded by the lock timeout), and every one but
 * the first updates nothing. The claim commits with the work done for the tick (the caller's
 * connection), so a tick is either claimed and done, or neither.
 */
final class ScheduleTicks {

    /** Schedule names: letters, digits and {@code _ . : -}, at most 200 characters. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");
    /** The tick of a schedule never claimed: before any real tick. */
    private static final Instant NEVER = Instant.parse("1970-01-01T00:00:00Z");

    private final Jdbc jdbc;
    private final String table;
    private final String ensureSql;

    ScheduleTicks(Jdbc jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
        Dialect dialect = jdbc.dialect();
        // Insert the row if missing, keep it as it is otherwise (GREATEST of its tick and the epoch).
        this.ensureSql = dialect.upsert(table, List.of(UpsertColumn.key("schedule_name", "VARCHAR(200)"),
                UpsertColumn.of("last_tick", dialect.timestampType(), UpsertColumn.Merge.GREATEST)));
    }

    /** Checks a schedule name against the allowlist. */
    static String validName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SoftDeleteException("Invalid schedule name " + (name == null ? "null" : "'" + name + "'")
                    + ": use 1 to 200 letters, digits, '_', '.', ':' or '-'.");
        }
        return name;
    }

    /** Makes sure the schedule has its row (its own transaction; a no-op when it exists). */
    void ensure(String name) {
        try {
            jdbc.inTransaction(c -> jdbc.update(c, ensureSql, name, NEVER));
        } catch (DataAccessException e) {
            // Two first-ever upserts can race where the upsert is not atomic (H2's MERGE): the loser
            // fails on the key, and the row it wanted exists.
            if (!exists(name)) {
                throw e;
            }
        }
    }

    private boolean exists(String name) {
        return jdbc.withConnection(c -> jdbc.queryLong(c, "SELECT COUNT(*) FROM " + table + " WHERE schedule_name = ?",
                name)) > 0;
    }

    /** Moves the schedule to {@code tick} on {@code c} if no instance did; whether this call did. */
    boolean claim(Connection c, String name, Instant tick, String instance, Instant now) throws SQLException {
        return jdbc.update(c, "UPDATE " + table + " SET last_tick = ?, claimed_by = ?, claimed_at = ?"
                + " WHERE schedule_name = ? AND last_tick < ?", tick, instance, now, name, tick) == 1;
    }

    /** The last tick claimed, if the schedule was ever claimed. */
    Optional<Instant> lastTick(String name) {
        return jdbc.withConnection(c -> jdbc.queryOne(c, "SELECT last_tick FROM " + table + " WHERE schedule_name = ?",
                rs -> jdbc.dialect().getInstant(rs, "last_tick"), name)).filter(t -> t.isAfter(NEVER));
    }
}
