package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class MariaDbRunsTest extends RunsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
