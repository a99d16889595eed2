package dev.softdelete.core.check;

import dev.softdelete.testing.TestDatabase;

class H2TableCheckTest extends TableCheckContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
