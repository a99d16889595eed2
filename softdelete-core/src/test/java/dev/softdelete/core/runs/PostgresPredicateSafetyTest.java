package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class PostgresPredicateSafetyTest extends PredicateSafetyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
