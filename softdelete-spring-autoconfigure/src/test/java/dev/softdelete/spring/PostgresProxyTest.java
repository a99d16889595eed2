package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class PostgresProxyTest extends ProxyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
