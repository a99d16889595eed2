package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class MariaDbEndpointTest extends EndpointContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
