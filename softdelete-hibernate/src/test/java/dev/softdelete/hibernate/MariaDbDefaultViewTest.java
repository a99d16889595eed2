package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class MariaDbDefaultViewTest extends DefaultViewContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
