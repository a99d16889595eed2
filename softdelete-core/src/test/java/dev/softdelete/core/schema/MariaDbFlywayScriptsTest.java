package dev.softdelete.core.schema;

import dev.softdelete.testing.TestDatabase;

class MariaDbFlywayScriptsTest extends FlywayScriptsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
