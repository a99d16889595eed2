package dev.softdelete.core.migration;

import dev.softdelete.testing.TestDatabase;

class H2FieldMigrationTest extends FieldMigrationContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
