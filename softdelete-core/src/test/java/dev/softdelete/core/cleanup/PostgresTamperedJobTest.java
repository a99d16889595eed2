package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class PostgresTamperedJobTest extends TamperedJobContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
