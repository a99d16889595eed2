package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class H2RestorePurgeTest extends RestorePurgeContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
