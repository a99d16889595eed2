package dev.softdelete.core.purge;

import dev.softdelete.testing.TestDatabase;

class MariaDbPurgeTest extends PurgeContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
