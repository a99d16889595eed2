package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class PostgresBackgroundRunsTest extends BackgroundRunsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
