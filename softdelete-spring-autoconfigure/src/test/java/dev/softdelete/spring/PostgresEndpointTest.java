package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class PostgresEndpointTest extends EndpointContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
