package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class MariaDbProxyTest extends ProxyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
