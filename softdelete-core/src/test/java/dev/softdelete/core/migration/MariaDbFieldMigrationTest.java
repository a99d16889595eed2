package dev.softdelete.core.migration;

import dev.softdelete.testing.TestDatabase;

class MariaDbFieldMigrationTest extends FieldMigrationContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
