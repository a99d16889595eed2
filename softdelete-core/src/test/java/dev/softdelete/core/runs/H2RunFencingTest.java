package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class H2RunFencingTest extends RunFencingContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
