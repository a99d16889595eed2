package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class MariaDbLockTimeoutTest extends LockTimeoutContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
