package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class H2RunKeysTest extends RunKeysContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
