package dev.softdelete.samples.spring;

import dev.softdelete.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresCatalogueApplicationTest extends CatalogueApplicationContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        open(TestDatabase.POSTGRESQL, registry);
    }

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
