package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class PostgresRunCascadeTest extends RunCascadeContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
