package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class H2FieldMigrationHibernateTest extends FieldMigrationHibernateContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
