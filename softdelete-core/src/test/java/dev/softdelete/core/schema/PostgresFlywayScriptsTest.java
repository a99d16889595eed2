package dev.softdelete.core.schema;

import dev.softdelete.testing.TestDatabase;

class PostgresFlywayScriptsTest extends FlywayScriptsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
