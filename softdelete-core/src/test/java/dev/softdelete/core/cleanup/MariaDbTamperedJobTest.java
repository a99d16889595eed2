package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class MariaDbTamperedJobTest extends TamperedJobContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
