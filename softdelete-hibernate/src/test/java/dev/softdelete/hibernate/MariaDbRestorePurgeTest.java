package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class MariaDbRestorePurgeTest extends RestorePurgeContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
