package dev.softdelete.core.purge;

import dev.softdelete.testing.TestDatabase;

class MariaDbPurgeKeysTest extends PurgeKeysContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
