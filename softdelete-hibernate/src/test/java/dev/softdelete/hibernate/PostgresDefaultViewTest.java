package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class PostgresDefaultViewTest extends DefaultViewContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
