package dev.softdelete.core.purge;

import dev.softdelete.testing.TestDatabase;

class PostgresArchiveMoveTest extends ArchiveMoveContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
