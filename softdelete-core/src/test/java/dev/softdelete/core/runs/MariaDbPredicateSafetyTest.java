package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class MariaDbPredicateSafetyTest extends PredicateSafetyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
