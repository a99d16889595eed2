package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class H2PredicateSafetyTest extends PredicateSafetyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
