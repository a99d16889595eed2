package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class H2SoftDeleteLifecycleTest extends SoftDeleteLifecycleContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
