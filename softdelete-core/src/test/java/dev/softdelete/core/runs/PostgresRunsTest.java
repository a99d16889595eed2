package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class PostgresRunsTest extends RunsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
