package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class H2RunGovernanceTest extends RunGovernanceContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
