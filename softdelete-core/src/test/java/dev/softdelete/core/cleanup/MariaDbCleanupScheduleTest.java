package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class MariaDbCleanupScheduleTest extends CleanupScheduleContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
