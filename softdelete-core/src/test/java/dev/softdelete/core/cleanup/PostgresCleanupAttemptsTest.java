package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class PostgresCleanupAttemptsTest extends CleanupAttemptsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
