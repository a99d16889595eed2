package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class PostgresRunKeysTest extends RunKeysContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
