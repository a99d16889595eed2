package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class MariaDbCoalescingReadTest extends CoalescingReadContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
