package dev.softdelete.core.schema;

import dev.softdelete.testing.TestDatabase;

class MariaDbSchemaTest extends SchemaContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
