package dev.softdelete.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.jdbc.DataAccessException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A claim rolled back by a deadlock is retried; other failures are not swallowed. */
class ClaimConflictRetryTest {

    private static DataAccessException failure(String sqlState) {
        return new DataAccessException("Transaction failed", null, new SQLTransactionRollbackException("x", sqlState));
    }

    @Test
    void retriesDeadlocksAndThenReturnsTheClaim() {
        AtomicInteger calls = new AtomicInteger();
        Optional<Long> claimed = ClaimStrategy.retryOnTransactionConflict(() -> {
            if (calls.incrementAndGet() < ClaimStrategy.CONFLICT_ATTEMPTS) {
                throw failure("40001");
            }
            return Optional.of(7L);
        });
        assertThat(claimed).contains(7L);
        assertThat(calls).hasValue(ClaimStrategy.CONFLICT_ATTEMPTS);
    }

    @Test
    void givesUpQuietlyAfterTheLastConflict() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(ClaimStrategy.retryOnTransactionConflict(() -> {
            calls.incrementAndGet();
            throw failure("40P01");
        })).isEmpty();
        assertThat(calls).hasValue(ClaimStrategy.CONFLICT_ATTEMPTS);
    }

    @Test
    void otherFailuresPropagateAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> ClaimStrategy.retryOnTransactionConflict(() -> {
            calls.incrementAndGet();
            throw new DataAccessException("Transaction failed", null, new SQLException("no table", "42S02"));
        })).isInstanceOf(DataAccessException.class);
        assertThat(calls).hasValue(1);
    }
}
