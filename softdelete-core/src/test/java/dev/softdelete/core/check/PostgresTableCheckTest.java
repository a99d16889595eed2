package dev.softdelete.core.check;

import dev.softdelete.testing.TestDatabase;

class PostgresTableCheckTest extends TableCheckContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
