package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class PostgresCleanupScheduleTest extends CleanupScheduleContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
