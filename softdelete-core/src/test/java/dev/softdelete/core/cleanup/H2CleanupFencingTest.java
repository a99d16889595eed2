package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class H2CleanupFencingTest extends CleanupFencingContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
