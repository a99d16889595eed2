package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class PostgresCleanupTimeoutTest extends CleanupTimeoutContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
