package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class MariaDbRunInputsTest extends RunInputsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
