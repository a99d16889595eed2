package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;
import java.util.List;

class H2HostileActorTest extends HostileActorContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @Override
    protected List<String> sessionSettings() {
        return List.of();
    }
}
