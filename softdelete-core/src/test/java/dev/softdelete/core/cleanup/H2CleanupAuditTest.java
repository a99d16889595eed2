package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class H2CleanupAuditTest extends CleanupAuditContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
