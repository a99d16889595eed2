package dev.softdelete.hibernate;

import dev.softdelete.testing.TestDatabase;
import java.util.List;

class PostgresHostileActorTest extends HostileActorContract {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Override
    protected List<String> sessionSettings() {
        return List.of("SET standard_conforming_strings = off", "SET escape_string_warning = off");
    }
}
