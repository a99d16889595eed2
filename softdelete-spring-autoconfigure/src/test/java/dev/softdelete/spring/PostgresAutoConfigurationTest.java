package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class PostgresAutoConfigurationTest extends AutoConfigurationContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
