package dev.softdelete.core.deprecation;

import dev.softdelete.testing.TestDatabase;

class PostgresDeprecationTest extends DeprecationContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
