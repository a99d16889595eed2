package dev.softdelete.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;

/** What every forked JVM of a crash test starts with: the parent's database, as instance {@code crash-child}. */
public final class CrashChild {

    private CrashChild() {
    }

    /** A SoftDelete on a 2-connection pool to jdbc url {@code args[0]}, user {@code args[1]}, password {@code args[2]}. */
    public static SoftDelete softDelete(String[] args) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(args[0]);
        ds.setUsername(args[1]);
        ds.setPassword(args[2]);
        ds.setMaximumPoolSize(2);
        return SoftDelete.builder(ds).instanceId("crash-child").build();
    }
}
