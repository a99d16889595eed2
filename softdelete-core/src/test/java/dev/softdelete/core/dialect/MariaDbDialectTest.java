package dev.softdelete.core.dialect;

import dev.softdelete.testing.TestDatabase;

class MariaDbDialectTest extends DialectContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }

    @Override
    protected DatabaseKind expectedKind() {
        return DatabaseKind.MARIADB;
    }
}
