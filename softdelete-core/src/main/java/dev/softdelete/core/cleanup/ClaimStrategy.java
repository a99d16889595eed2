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

    /**
     * SQL condition for a claimable job; parameters: now, now. A queued job needs attempts left; a
     * running job whose lease expired is always claimable, so that it can never stay RUNNING
     * unclaimed: a takeover past the last attempt marks it FAILED (see {@code CleanupWorker}).
     */
    String CLAIMABLE = "((status = 'QUEUED' AND next_attempt_at <= ? AND attempts < max_attempts)"
            + " OR (status = 'RUNNING' AND lease_until < ?))";

    /** A claimed job: its id and the fencing token the claim produced. */
    record Claim(long id, long token) {
    }

    /** Claims one job for {@code owner} until {@code now + lease}, or returns empty. */
    Optional<Claim> claim(Jdbc jdbc, String table, String owner, Instant now, Duration lease);

    static ClaimStrategy forDialect(Dialect dialect) {
        return withConflictRetry(dialect.supportsSkipLocked() ? new SkipLockedClaim(dialect) : new ConditionalUpdateClaim());
    }

    /** The strategy, retried on transaction conflicts (see {@link #retryOnTransactionConflict}). */
    static ClaimStrategy withConflictRetry(ClaimStrategy strategy) {
        return (jdbc, table, owner, now, lease) -> retryOnTransactionConflict(
                () -> strategy.claim(jdbc, table, owner, now, lease));
    }

    /** Attempts a contended claim gets before it gives up until the next poll. */
    int CONFLICT_ATTEMPTS = 3;

    /**
     * Runs a claim again when the database rolled it back for a transaction conflict (SQL state
     * class 40: InnoDB reports a deadlock when workers lock neighbouring index records with
     * SKIP LOCKED; PostgreSQL 40P01 / 40001). Nothing was claimed by a rolled-back attempt, so
     * retrying is safe; after the last attempt the worker simply claims nothing this poll.
     */
    static <T> Optional<T> retryOnTransactionConflict(java.util.function.Supplier<Optional<T>> claim) {
        for (int attempt = 1; ; attempt++) {
            try {
                return claim.get();
            } catch (dev.softdelete.core.jdbc.DataAccessException e) {
                String state = e.sqlState();
                if (state == null || !state.startsWith("40")) {
                    throw e;
                }
                if (attempt >= CONFLICT_ATTEMPTS) {
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * Marks a claimed job RUNNING under {@code owner} with a new fencing token; the WHERE clause
     * repeats the claim condition.
     *
     * @return the claim, or empty when the job was no longer claimable
     */
    static Optional<Claim> take(Jdbc jdbc, Connection c, String table, long id, String owner, Instant now, Duration lease,
            String extraCondition, Object... extraParams) throws SQLException {
        java.util.List<Object> params = new java.util.ArrayList<>(java.util.List.of(owner, now.plus(lease), now, now,
                now, id, now, now));
        params.addAll(java.util.List.of(extraParams));
        int taken = jdbc.update(c, "UPDATE " + table + " SET status = 'RUNNING', lease_owner = ?, lease_until = ?,"
                + " heartbeat_at = ?, started_at = COALESCE(started_at, ?), updated_at = ?, attempts = attempts + 1,"
                + " lease_token = lease_token + 1 WHERE id = ? AND " + CLAIMABLE + extraCondition, params.toArray());
        if (taken != 1) {
            return Optional.empty();
        }
        return Optional.of(new Claim(id, jdbc.queryLong(c, "SELECT lease_token FROM " + table + " WHERE id = ?", id)));
    }
}
