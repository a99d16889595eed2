package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class PostgresRunGovernanceTest extends RunGovernanceContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
