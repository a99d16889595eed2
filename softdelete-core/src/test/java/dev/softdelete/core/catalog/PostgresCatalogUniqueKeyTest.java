package dev.softdelete.core.catalog;

import dev.softdelete.testing.TestDatabase;

class PostgresCatalogUniqueKeyTest extends CatalogUniqueKeyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
