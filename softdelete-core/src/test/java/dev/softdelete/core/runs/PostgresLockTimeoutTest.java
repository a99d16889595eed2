package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class PostgresLockTimeoutTest extends LockTimeoutContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
