package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class MariaDbBackgroundRunsTest extends BackgroundRunsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
