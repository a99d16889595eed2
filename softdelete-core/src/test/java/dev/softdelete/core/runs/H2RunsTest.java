package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class H2RunsTest extends RunsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
