package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class H2CoalescingReadTest extends CoalescingReadContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
