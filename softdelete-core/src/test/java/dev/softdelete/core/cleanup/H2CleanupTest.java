package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class H2CleanupTest extends CleanupContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
