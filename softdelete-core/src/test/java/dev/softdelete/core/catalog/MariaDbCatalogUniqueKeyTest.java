package dev.softdelete.core.catalog;

import dev.softdelete.testing.TestDatabase;

class MariaDbCatalogUniqueKeyTest extends CatalogUniqueKeyContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
