package dev.softdelete.spring;

import dev.softdelete.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresSpringBootApplicationTest extends SpringBootApplicationContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        open(TestDatabase.POSTGRESQL, registry);
    }

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
