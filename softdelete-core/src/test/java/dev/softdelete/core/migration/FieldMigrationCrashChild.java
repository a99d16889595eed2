package dev.softdelete.core.migration;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.testing.CrashChild;
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
        SoftDelete sd = CrashChild.softDelete(args);
        sd.cleanup().newWorker(CleanupSettings.defaults().withAlertListener(a -> { })).run();
        System.out.println("child finished (should have been killed)");
    }
}
