package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class MariaDbFlywayTest extends FlywayContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
