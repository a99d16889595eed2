package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class H2AutoConfigurationTest extends AutoConfigurationContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
