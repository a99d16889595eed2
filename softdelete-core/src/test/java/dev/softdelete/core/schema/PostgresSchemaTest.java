package dev.softdelete.core.schema;

import dev.softdelete.testing.TestDatabase;

class PostgresSchemaTest extends SchemaContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
