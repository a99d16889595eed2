package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class MariaDbFieldMigrationHibernateTest extends FieldMigrationHibernateContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
