package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;

class H2DefaultViewTest extends DefaultViewContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
