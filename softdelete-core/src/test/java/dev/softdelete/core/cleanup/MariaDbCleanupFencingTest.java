package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class MariaDbCleanupFencingTest extends CleanupFencingContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
