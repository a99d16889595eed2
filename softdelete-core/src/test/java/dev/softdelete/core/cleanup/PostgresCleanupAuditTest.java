package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class PostgresCleanupAuditTest extends CleanupAuditContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
