package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class H2ProxyTest extends ProxyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
