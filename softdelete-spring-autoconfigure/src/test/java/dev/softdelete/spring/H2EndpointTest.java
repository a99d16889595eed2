package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class H2EndpointTest extends EndpointContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
