package dev.softdelete.proxy;

import dev.softdelete.testing.TestDatabase;

class PostgresDeprecationThroughProxyTest extends DeprecationThroughProxyContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
