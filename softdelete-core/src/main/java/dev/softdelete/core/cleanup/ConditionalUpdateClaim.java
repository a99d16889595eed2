package dev.softdelete.core.cleanup;

import dev.softdelete.core.jdbc.Jdbc;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Databases without SKIP LOCKED: read a few due jobs without locking, then take one with a
 * compare-and-set UPDATE on its attempt counter. Exactly one worker's UPDATE matches; the others
 * see zero rows and try the next candidate.
 */
final class ConditionalUpdateClaim implements ClaimStrategy {

    private static final int CANDIDATES = 8;

    @Override
    public Optional<Claim> claim(Jdbc jdbc, String table, String owner, Instant now, Duration lease) {
        List<long[]> candidates = jdbc.withConnection(c -> jdbc.query(c, "SELECT id, attempts FROM " + table
                + " WHERE " + CLAIMABLE + " ORDER BY priority DESC, id LIMIT " + CANDIDATES,
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, now, now));
        for (long[] candidate : candidates) {
            Optional<Claim> taken = jdbc.inTransaction(c -> ClaimStrategy.take(jdbc, c, table, candidate[0], owner, now,
                    lease, " AND attempts = ?", (int) candidate[1]));
            if (taken.isPresent()) {
                return taken;
            }
        }
        return Optional.empty();
    }
}
