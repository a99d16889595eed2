package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class H2CleanupScheduleTest extends CleanupScheduleContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
