package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class H2IntegrationTest extends IntegrationContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
