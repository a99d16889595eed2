package dev.softdelete.core.schema;

import dev.softdelete.testing.TestDatabase;

class H2SchemaTest extends SchemaContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
