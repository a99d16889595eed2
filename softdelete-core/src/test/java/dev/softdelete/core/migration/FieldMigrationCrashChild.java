package dev.softdelete.core.migration;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.cleanup.CleanupSettings;

/**
 * The forked JVM of the field-migration crash test: runs a cleanup worker, which backfills slowly
 * (the migration's own rate limit), so the parent can SIGKILL it mid-slice. Arguments: jdbc url,
 * user, password.
 */
public final class FieldMigrationCrashChild {

    private FieldMigrationCrashChild() {
    }

    public static void main(String[] args) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(args[0]);
        ds.setUsername(args[1]);
        ds.setPassword(args[2]);
        ds.setMaximumPoolSize(2);
        SoftDelete sd = SoftDelete.builder(ds).instanceId("crash-child").build();
        sd.cleanup().newWorker(CleanupSettings.defaults().withAlertListener(a -> { })).run();
        System.out.println("child finished (should have been killed)");
    }
}
