package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class H2HardDeleteBypassTest extends HardDeleteBypassContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @Override
    protected boolean supportsMergeDelete() {
        return true;
    }
}
