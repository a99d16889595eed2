package dev.softdelete.testing;

import java.sql.Connection;

/** An H2 trigger that does nothing: H2 triggers are Java classes (see {@link TestDatabase#triggerStatements}). */
public class NoopTrigger implements org.h2.api.Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
    }
}
