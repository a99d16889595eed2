package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;
import java.util.List;

class MariaDbNoBackslashEscapesHostileActorTest extends HostileActorContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }

    @Override
    protected List<String> sessionSettings() {
        return List.of("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
    }
}
