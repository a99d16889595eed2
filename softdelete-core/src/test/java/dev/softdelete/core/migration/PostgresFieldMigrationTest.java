package dev.softdelete.core.migration;

import dev.softdelete.testing.TestDatabase;

class PostgresFieldMigrationTest extends FieldMigrationContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
