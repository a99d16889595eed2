package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class MariaDbRunGovernanceTest extends RunGovernanceContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
