package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class PostgresCleanupFencingTest extends CleanupFencingContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
