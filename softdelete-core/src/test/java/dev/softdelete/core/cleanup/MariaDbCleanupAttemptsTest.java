package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class MariaDbCleanupAttemptsTest extends CleanupAttemptsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
