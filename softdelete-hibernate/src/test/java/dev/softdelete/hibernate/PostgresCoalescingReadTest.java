package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class PostgresCoalescingReadTest extends CoalescingReadContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
