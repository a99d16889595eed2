package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class PostgresRunFencingTest extends RunFencingContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
