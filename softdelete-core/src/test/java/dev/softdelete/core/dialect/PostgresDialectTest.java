package dev.softdelete.core.dialect;

import dev.softdelete.testing.TestDatabase;

class PostgresDialectTest extends DialectContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Override
    protected DatabaseKind expectedKind() {
        return DatabaseKind.POSTGRESQL;
    }
}
