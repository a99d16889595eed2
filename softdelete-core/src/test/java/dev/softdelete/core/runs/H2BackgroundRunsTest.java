package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class H2BackgroundRunsTest extends BackgroundRunsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
