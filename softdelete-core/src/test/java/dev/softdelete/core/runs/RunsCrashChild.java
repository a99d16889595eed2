package dev.softdelete.core.runs;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;

/**
 * The forked JVM of the crash test: applies an "older than" rule slowly (rate-limited) so the
 * parent can SIGKILL it mid-run. Arguments: jdbc url, user, password, table.
 */
public final class RunsCrashChild {

    private RunsCrashChild() {
    }

    public static void main(String[] args) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(args[0]);
        ds.setUsername(args[1]);
        ds.setPassword(args[2]);
        ds.setMaximumPoolSize(2);
        SoftDelete sd = SoftDelete.builder(ds).instanceId("crash-child").build();
        Preview preview = sd.runs().preview(RunsContract.olderThanRules(args[3]));
        sd.runs().apply(preview, RunOptions.defaults().withBatchSize(20).withRowsPerSecond(100));
        System.out.println("child finished (should have been killed)");
    }

}
