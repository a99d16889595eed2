package dev.softdelete.core.deprecation;

import dev.softdelete.testing.TestDatabase;

class H2DeprecationTest extends DeprecationContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
