package dev.softdelete.core.purge;

import dev.softdelete.testing.TestDatabase;

class MariaDbArchiveMoveTest extends ArchiveMoveContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
