package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class MariaDbCleanupAuditTest extends CleanupAuditContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
