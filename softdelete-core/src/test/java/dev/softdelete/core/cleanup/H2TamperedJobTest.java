package dev.softdelete.core.cleanup;

import dev.softdelete.testing.TestDatabase;

class H2TamperedJobTest extends TamperedJobContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
