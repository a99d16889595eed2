package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class MariaDbRunCascadeTest extends RunCascadeContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
