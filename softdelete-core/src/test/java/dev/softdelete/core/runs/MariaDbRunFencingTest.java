package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class MariaDbRunFencingTest extends RunFencingContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
