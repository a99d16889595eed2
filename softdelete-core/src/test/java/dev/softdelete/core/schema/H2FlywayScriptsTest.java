package dev.softdelete.core.schema;

import dev.softdelete.testing.TestDatabase;

class H2FlywayScriptsTest extends FlywayScriptsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
