package dev.softdelete.core.cleanup;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.jdbc.Jdbc;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * PostgreSQL, MariaDB 10.6+, MySQL 8, H2: lock the first due job with
 * {@code FOR UPDATE SKIP LOCKED} (others skip it instead of waiting) and mark it in the same
 * transaction.
 */
final class SkipLockedClaim implements ClaimStrategy {

    private final Dialect dialect;

    SkipLockedClaim(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Optional<Claim> claim(Jdbc jdbc, String table, String owner, Instant now, Duration lease) {
        return jdbc.inTransaction(c -> {
            Optional<Long> id = jdbc.queryOne(c, "SELECT id FROM " + table + " WHERE " + CLAIMABLE
                    + " ORDER BY priority DESC, id LIMIT 1" + dialect.forUpdateSkipLocked(), rs -> rs.getLong(1), now, now);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            return ClaimStrategy.take(jdbc, c, table, id.get(), owner, now, lease, "");
        });
    }
}
