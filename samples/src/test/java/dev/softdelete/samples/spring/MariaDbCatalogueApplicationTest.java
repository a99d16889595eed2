package dev.softdelete.samples.spring;

import dev.softdelete.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MariaDbCatalogueApplicationTest extends CatalogueApplicationContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        open(TestDatabase.MARIADB, registry);
    }

    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
