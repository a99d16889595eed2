package dev.softdelete.core.purge;

import dev.softdelete.testing.TestDatabase;

class H2PurgeTest extends PurgeContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
