package dev.softdelete.core.deprecation;

import dev.softdelete.testing.TestDatabase;

class MariaDbDeprecationTest extends DeprecationContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
