package dev.softdelete.core.purge;

import dev.softdelete.testing.TestDatabase;

class PostgresPurgeTest extends PurgeContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
