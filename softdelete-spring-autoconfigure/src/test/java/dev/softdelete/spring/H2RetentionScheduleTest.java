package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class H2RetentionScheduleTest extends RetentionScheduleContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
