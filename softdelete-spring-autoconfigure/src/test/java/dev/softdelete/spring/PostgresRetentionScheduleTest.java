package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class PostgresRetentionScheduleTest extends RetentionScheduleContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
