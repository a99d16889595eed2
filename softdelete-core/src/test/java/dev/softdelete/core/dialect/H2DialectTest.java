package dev.softdelete.core.dialect;

import dev.softdelete.testing.TestDatabase;

class H2DialectTest extends DialectContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @Override
    protected DatabaseKind expectedKind() {
        return DatabaseKind.H2;
    }
}
