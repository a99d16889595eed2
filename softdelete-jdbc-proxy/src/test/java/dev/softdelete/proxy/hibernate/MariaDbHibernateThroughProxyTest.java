package dev.softdelete.proxy.hibernate;

import dev.softdelete.testing.TestDatabase;

class MariaDbHibernateThroughProxyTest extends HibernateThroughProxyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
