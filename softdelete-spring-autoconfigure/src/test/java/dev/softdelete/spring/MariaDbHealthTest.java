package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class MariaDbHealthTest extends HealthContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
