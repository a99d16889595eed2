package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;
import java.util.List;

class PostgresStandardStringsHostileActorTest extends HostileActorContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Override
    protected List<String> sessionSettings() {
        return List.of("SET standard_conforming_strings = on");
    }
}
