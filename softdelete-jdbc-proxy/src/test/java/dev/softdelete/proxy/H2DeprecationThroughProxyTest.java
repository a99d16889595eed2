package dev.softdelete.proxy;

import dev.softdelete.testing.TestDatabase;

class H2DeprecationThroughProxyTest extends DeprecationThroughProxyContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
