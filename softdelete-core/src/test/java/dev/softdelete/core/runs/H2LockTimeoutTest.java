package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class H2LockTimeoutTest extends LockTimeoutContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
