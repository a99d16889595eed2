package dev.softdelete.proxy.hibernate;

import dev.softdelete.testing.TestDatabase;

class H2HibernateThroughProxyTest extends HibernateThroughProxyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
