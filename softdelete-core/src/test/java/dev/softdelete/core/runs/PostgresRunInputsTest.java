package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class PostgresRunInputsTest extends RunInputsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
