package dev.softdelete.core.purge;

import dev.softdelete.testing.TestDatabase;

class H2PurgeKeysTest extends PurgeKeysContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
