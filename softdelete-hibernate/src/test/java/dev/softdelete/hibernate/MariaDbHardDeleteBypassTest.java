package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class MariaDbHardDeleteBypassTest extends HardDeleteBypassContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }

    @Override
    protected boolean supportsMergeDelete() {
        return false;
    }
}
