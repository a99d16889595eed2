package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class MariaDbSoftDeleteLifecycleTest extends SoftDeleteLifecycleContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
