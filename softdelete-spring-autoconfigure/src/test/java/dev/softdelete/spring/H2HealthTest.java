package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class H2HealthTest extends HealthContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
