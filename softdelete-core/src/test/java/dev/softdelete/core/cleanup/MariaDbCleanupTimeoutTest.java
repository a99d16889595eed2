package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class MariaDbCleanupTimeoutTest extends CleanupTimeoutContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
