package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class H2FlywayTest extends FlywayContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
