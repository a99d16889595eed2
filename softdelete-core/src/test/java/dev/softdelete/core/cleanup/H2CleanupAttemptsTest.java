package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class H2CleanupAttemptsTest extends CleanupAttemptsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
