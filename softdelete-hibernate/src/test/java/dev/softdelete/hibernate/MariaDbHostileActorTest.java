package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;
import java.util.List;

class MariaDbHostileActorTest extends HostileActorContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }

    @Override
    protected List<String> sessionSettings() {
        return List.of();
    }
}
