package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MariaDbSpringBootApplicationTest extends SpringBootApplicationContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        open(TestDatabase.MARIADB, registry);
    }

    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
