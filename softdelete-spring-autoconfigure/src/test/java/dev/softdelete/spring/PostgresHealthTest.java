package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class PostgresHealthTest extends HealthContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
