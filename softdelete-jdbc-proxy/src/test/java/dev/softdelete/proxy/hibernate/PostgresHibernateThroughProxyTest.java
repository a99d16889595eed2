package dev.softdelete.proxy.hibernate;

import dev.softdelete.testing.TestDatabase;

class PostgresHibernateThroughProxyTest extends HibernateThroughProxyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
