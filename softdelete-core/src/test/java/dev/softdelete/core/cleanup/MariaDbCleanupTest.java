package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class MariaDbCleanupTest extends CleanupContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
