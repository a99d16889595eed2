package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class H2CleanupTimeoutTest extends CleanupTimeoutContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
