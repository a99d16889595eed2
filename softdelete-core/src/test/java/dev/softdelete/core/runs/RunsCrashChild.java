package dev.softdelete.core.runs;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.testing.CrashChild;

/**
 * The forked JVM of the crash test: applies an "older than" rule slowly (rate-limited) so the
 * parent can SIGKILL it mid-run. Arguments: jdbc url, user, password, table.
 */
public final class RunsCrashChild {

    private RunsCrashChild() {
    }

    public static void main(String[] args) {
        SoftDelete sd = CrashChild.softDelete(args);
        Preview preview = sd.runs().preview(RunsContract.olderThanRules(args[3]));
        sd.runs().apply(preview, RunOptions.defaults().withBatchSize(20).withRowsPerSecond(100));
        System.out.println("child finished (should have been killed)");
    }

}
