package dev.softdelete.core.runs;

import dev.softdelete.testing.TestDatabase;

class H2RunInputsTest extends RunInputsContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
