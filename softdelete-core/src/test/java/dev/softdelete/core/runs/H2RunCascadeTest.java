package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class H2RunCascadeTest extends RunCascadeContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
