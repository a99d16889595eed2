package dev.softdelete.samples.spring;

import dev.softdelete.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2CatalogueApplicationTest extends CatalogueApplicationContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        open(TestDatabase.H2, registry);
    }

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
