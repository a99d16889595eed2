package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class MariaDbAutoConfigurationTest extends AutoConfigurationContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
