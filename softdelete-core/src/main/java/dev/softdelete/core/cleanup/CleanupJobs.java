package dev.softdelete.core.cleanup;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every statement on the cleanup job table ({@code {prefix}cleanup_jobs}), in one place (as
 * db-scheduler's {@code JdbcTaskRepository} owns its tasks table): enqueue, read, claim, and the
 * lease-fenced updates a worker makes. Methods taking a {@link Connection} run in the caller's
 * transaction, so progress commits with the batch it describes.
 */
final class CleanupJobs {

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final Clock clock;
    private final String table;
    private final ClaimStrategy claims;

    CleanupJobs(Jdbc jdbc, Clock clock, String table) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect();
        this.clock = clock;
        this.table = table;
        this.claims = ClaimStrategy.forDialect(dialect);
    }

    /** The quoted table name. */
    String table() {
        return table;
    }

    CleanupJob insert(JobType type, String tableName, JobPayload payload, int maxAttempts) {
        return jdbc.inTransaction(c -> insert(c, type, tableName, payload, maxAttempts));
    }

    /** Inserts on the caller's connection, so the job commits or rolls back with the caller's work. */
    CleanupJob insert(Connection c, JobType type, String tableName, JobPayload payload, int maxAttempts)
            throws SQLException {
        Instant now = clock.instant();
        long id = jdbc.insertReturningKey(c, "INSERT INTO " + table + " (job_type, table_name, payload,"
                + " status, priority, attempts, max_attempts, next_attempt_at, rows_processed, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, 0, 0, ?, ?, 0, ?, ?)", "id", type, tableName, payload.encode(),
                JobStatus.QUEUED, maxAttempts, now, now, now);
        return jdbc.queryOne(c, "SELECT * FROM " + table + " WHERE id = ?", this::map, id).orElseThrow();
    }

    /** Inserts a job whose payload is a registered handler's own document, linked to run {@code runId}. */
    CleanupJob insert(JobType type, String tableName, long runId, String payload, int maxAttempts) {
        Instant now = clock.instant();
        return jdbc.inTransaction(c -> {
            long id = jdbc.insertReturningKey(c, "INSERT INTO " + table + " (job_type, table_name, payload,"
                    + " status, priority, run_id, attempts, max_attempts, next_attempt_at, rows_processed, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, 0, ?, 0, ?, ?, 0, ?, ?)", "id", type, tableName, payload,
                    JobStatus.QUEUED, runId, maxAttempts, now, now, now);
            return jdbc.queryOne(c, "SELECT * FROM " + table + " WHERE id = ?", this::map, id).orElseThrow();
        });
    }

    /** The stored payload text of a job. */
    Optional<String> payloadText(long id) {
        return jdbc.withConnection(c -> jdbc.queryOne(c, "SELECT payload FROM " + table + " WHERE id = ?",
                rs -> rs.getString(1), id));
    }

    /** Jobs of one type linked to run {@code runId}, oldest first. */
    List<CleanupJob> ofRun(JobType type, long runId) {
        return jdbc.withConnection(c -> ofRun(c, type, runId));
    }

    /** As {@link #ofRun(JobType, long)}, on the caller's connection. */
    List<CleanupJob> ofRun(Connection c, JobType type, long runId) throws SQLException {
        return jdbc.query(c, "SELECT * FROM " + table + " WHERE job_type = ? AND run_id = ? ORDER BY id", this::map,
                type, runId);
    }

    /** Marks the queued (not running) jobs of a run FAILED with {@code message}; returns how many. */
    int failQueued(JobType type, long runId, String message) {
        Instant now = clock.instant();
        return jdbc.inTransaction(c -> jdbc.update(c, "UPDATE " + table + " SET status = 'FAILED', last_error = ?,"
                + " finished_at = ?, updated_at = ? WHERE job_type = ? AND run_id = ? AND status = 'QUEUED'", message,
                now, now, type, runId));
    }

    /** Makes the queued jobs of a run due now (e.g. after a resume); returns how many. */
    int wakeUp(JobType type, long runId) {
        Instant now = clock.instant();
        return jdbc.inTransaction(c -> jdbc.update(c, "UPDATE " + table + " SET next_attempt_at = ?, updated_at = ?"
                + " WHERE job_type = ? AND run_id = ? AND status = 'QUEUED'", now, now, type, runId));
    }

    /**
     * Gives the job back without counting the attempt, due again at {@code at} (its handler has
     * nothing to do before then, e.g. its migration is paused).
     */
    void defer(long jobId, String owner, long token, Instant at) {
        Instant now = clock.instant();
        jdbc.inTransaction(c -> jdbc.update(c, "UPDATE " + table + " SET status = 'QUEUED', lease_owner = NULL,"
                + " lease_until = NULL, attempts = attempts - 1, next_attempt_at = ?, updated_at = ?"
                + " WHERE id = ? AND lease_owner = ? AND lease_token = ?", at, now, jobId, owner, token));
    }

    Optional<CleanupJob> find(long id) {
        return jdbc.withConnection(c -> jdbc.queryOne(c, "SELECT * FROM " + table + " WHERE id = ?", this::map, id));
    }

    /** The most recent jobs, newest first. */
    List<CleanupJob> list(int limit) {
        return jdbc.withConnection(c -> jdbc.query(c, "SELECT * FROM " + table + " ORDER BY id DESC LIMIT ?",
                this::map, limit));
    }

    Map<JobStatus, Long> counts() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus s : JobStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.withConnection(c -> jdbc.query(c, "SELECT status, COUNT(*) FROM " + table + " GROUP BY status",
                rs -> counts.put(JobStatus.valueOf(rs.getString(1)), rs.getLong(2))));
        return counts;
    }

    long countQueued() {
        return jdbc.withConnection(c -> jdbc.queryLong(c, "SELECT COUNT(*) FROM " + table + " WHERE status = ?",
                JobStatus.QUEUED));
    }

    /** Claims one due job for {@code owner} under a lease, with a new fencing token. */
    Optional<ClaimStrategy.Claim> claim(String owner, Duration lease) {
        return claims.claim(jdbc, table, owner, clock.instant(), lease);
    }

    /**
     * The fence: renews {@code owner}'s lease only if owner and fencing token still match and the
     * lease has not expired. The first statement of every transaction that changes the job or its
     * rows, so a worker that lost the lease (expired, taken over, released) rolls back instead of
     * writing.
     */
    void renewLease(Connection c, long jobId, String owner, long token, Duration lease) throws SQLException {
        Instant now = clock.instant();
        int renewed = jdbc.update(c, "UPDATE " + table + " SET heartbeat_at = ?, lease_until = ?, updated_at = ?"
                + " WHERE id = ? AND lease_owner = ? AND lease_token = ? AND status = 'RUNNING' AND lease_until >= ?",
                now, now.plus(lease), now, jobId, owner, token, now);
        if (renewed != 1) {
            throw new LeaseLostException(jobId, owner);
        }
    }

    void setRunId(Connection c, long jobId, long runId) throws SQLException {
        jdbc.update(c, "UPDATE " + table + " SET run_id = ? WHERE id = ?", runId, jobId);
    }

    void addProgress(Connection c, long jobId, long rows, String cursor) throws SQLException {
        jdbc.update(c, "UPDATE " + table + " SET rows_processed = rows_processed + ?, cursor_value = ? WHERE id = ?",
                rows, cursor, jobId);
    }

    void complete(Connection c, long jobId) throws SQLException {
        Instant now = clock.instant();
        jdbc.update(c, "UPDATE " + table + " SET status = 'DONE', finished_at = ?, lease_owner = NULL,"
                + " lease_until = NULL, last_error = NULL, updated_at = ? WHERE id = ?", now, now, jobId);
    }

    /** Gives the job back without counting the attempt (shutdown, interruption). */
    void release(long jobId, String owner, long token) {
        Instant now = clock.instant();
        jdbc.inTransaction(c -> jdbc.update(c, "UPDATE " + table + " SET status = 'QUEUED', lease_owner = NULL,"
                + " lease_until = NULL, attempts = attempts - 1, next_attempt_at = ?, updated_at = ?"
                + " WHERE id = ? AND lease_owner = ? AND lease_token = ?", now, now, jobId, owner, token));
    }

    /**
     * Records a failed attempt: back to the queue at {@code retryAt}, or FAILED when {@code last};
     * only while this claim's owner and token hold the job.
     */
    int fail(Connection c, long jobId, String owner, long token, boolean last, Instant retryAt, String message)
            throws SQLException {
        Instant now = clock.instant();
        return jdbc.update(c, "UPDATE " + table + " SET status = ?, lease_owner = NULL, lease_until = NULL,"
                + " next_attempt_at = ?, last_error = ?, finished_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ?"
                + " AND lease_token = ?", last ? JobStatus.FAILED : JobStatus.QUEUED, retryAt,
                message.length() > 4000 ? message.substring(0, 4000) : message, last ? now : null, now, jobId, owner,
                token);
    }

    CleanupJob map(ResultSet rs) throws SQLException {
        JobType type = JobType.valueOf(rs.getString("job_type"));
        return new CleanupJob(rs.getLong("id"), type, rs.getString("table_name"),
                type.carriesRetentionPolicy() ? JobPayload.decode(rs.getString("payload")) : null, JobStatus.valueOf(rs.getString("status")),
                rs.getInt("priority"), rs.getObject("run_id") == null ? null : rs.getLong("run_id"),
                rs.getInt("attempts"), rs.getInt("max_attempts"), dialect.getInstant(rs, "next_attempt_at"),
                rs.getString("lease_owner"), dialect.getInstant(rs, "lease_until"), dialect.getInstant(rs, "heartbeat_at"),
                rs.getLong("rows_processed"), rs.getString("cursor_value"), rs.getString("last_error"),
                dialect.getInstant(rs, "created_at"), dialect.getInstant(rs, "started_at"),
                dialect.getInstant(rs, "finished_at"));
    }
}
