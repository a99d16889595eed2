package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class MariaDbRunKeysTest extends RunKeysContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
