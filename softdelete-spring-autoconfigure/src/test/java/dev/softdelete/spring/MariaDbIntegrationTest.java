package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class MariaDbIntegrationTest extends IntegrationContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
