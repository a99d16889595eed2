package dev.softdelete.core.purge;

import dev.softdelete.testing.TestDatabase;

class PostgresPurgeKeysTest extends PurgeKeysContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
