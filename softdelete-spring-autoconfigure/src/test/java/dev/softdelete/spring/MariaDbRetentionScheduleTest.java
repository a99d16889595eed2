package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;

class MariaDbRetentionScheduleTest extends RetentionScheduleContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
