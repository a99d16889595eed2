package dev.softdelete.core.cleanup;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a worker takes the next due job (QUEUED and due, or RUNNING with an expired lease) so that
 * no two workers ever hold the same job. Chosen once per database by {@link #forDialect}.
 */
interface ClaimStrategy {

    /** SQL condition for a claimable job; parameters: now, now. */
    String CLAIMABLE = "((status = 'QUEUED' AND next_attempt_at <= ?) OR (status = 'RUNNING' AND lease_until < ?))"
            + " AND attempts < max_attempts";

    /** Claims one job for {@code owner} until {@code now + lease}, or returns empty. */
    Optional<Long> claim(Jdbc jdbc, String table, String owner, Instant now, Duration lease);

    static ClaimStrategy forDialect(Dialect dialect) {
        return dialect.supportsSkipLocked() ? new SkipLockedClaim(dialect) : new ConditionalUpdateClaim();
    }

    /** Marks a claimed job RUNNING under {@code owner}; the WHERE clause repeats the claim condition. */
    static int take(Jdbc jdbc, Connection c, String table, long id, String owner, Instant now, Duration lease,
            String extraCondition, Object... extraParams) throws SQLException {
        java.util.List<Object> params = new java.util.ArrayList<>(java.util.List.of(owner, now.plus(lease), now, now,
                now, id, now, now));
        params.addAll(java.util.List.of(extraParams));
        return jdbc.update(c, "UPDATE " + table + " SET status = 'RUNNING', lease_owner = ?, lease_until = ?,"
                + " heartbeat_at = ?, started_at = COALESCE(started_at, ?), updated_at = ?, attempts = attempts + 1"
                + " WHERE id = ? AND " + CLAIMABLE + extraCondition, params.toArray());
    }
}
