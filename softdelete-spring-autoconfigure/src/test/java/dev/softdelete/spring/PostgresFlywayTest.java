package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class PostgresFlywayTest extends FlywayContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
