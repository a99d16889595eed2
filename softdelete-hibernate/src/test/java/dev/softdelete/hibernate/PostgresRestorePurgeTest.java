package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class PostgresRestorePurgeTest extends RestorePurgeContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
