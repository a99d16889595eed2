package dev.softdelete.core.check;

import dev.softdelete.testing.TestDatabase;

class MariaDbTableCheckTest extends TableCheckContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
