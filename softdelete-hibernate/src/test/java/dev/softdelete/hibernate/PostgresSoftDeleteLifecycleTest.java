package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class PostgresSoftDeleteLifecycleTest extends SoftDeleteLifecycleContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
