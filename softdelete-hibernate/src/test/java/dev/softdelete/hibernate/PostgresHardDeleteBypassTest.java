package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class PostgresHardDeleteBypassTest extends HardDeleteBypassContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Override
    protected boolean supportsMergeDelete() {
        return true;
    }
}
