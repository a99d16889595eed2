package dev.softdelete.core.purge;

import dev.softdelete.testing.TestDatabase;

class H2ArchiveMoveTest extends ArchiveMoveContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
