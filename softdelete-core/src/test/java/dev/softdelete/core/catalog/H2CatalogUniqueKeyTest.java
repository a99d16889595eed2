package dev.softdelete.core.catalog;

import dev.softdelete.testing.TestDatabase;

class H2CatalogUniqueKeyTest extends CatalogUniqueKeyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
