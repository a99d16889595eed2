package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class PostgresFieldMigrationHibernateTest extends FieldMigrationHibernateContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
