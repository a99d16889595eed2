package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class PostgresIntegrationTest extends IntegrationContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
