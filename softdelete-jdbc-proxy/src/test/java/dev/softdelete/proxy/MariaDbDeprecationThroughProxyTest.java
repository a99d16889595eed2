package dev.softdelete.proxy;

import dev.softdelete.testing.TestDatabase;

class MariaDbDeprecationThroughProxyTest extends DeprecationThroughProxyContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
