package dev.softdelete.core.runs;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.SoftDelete;
import java.time.Duration;

/**
 * The forked JVM of the background-run crash test: one worker applying the given table's
 * background run slowly (rate-limited, short lease) so the parent can SIGKILL it while it holds a
 * range. Arguments: jdbc url, user, password.
 */
public final class BackgroundRunCrashChild {

    private BackgroundRunCrashChild() {
    }

    public static void main(String[] args) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(args[0]);
        ds.setUsername(args[1]);
        ds.setPassword(args[2]);
        ds.setMaximumPoolSize(2);
        SoftDelete sd = SoftDelete.builder(ds).instanceId("crash-child").build();
        sd.runs().worker(RunOptions.defaults().withBatchSize(20).withRowsPerSecond(100)
                .withLeaseDuration(Duration.ofSeconds(10))).run();
        System.out.println("child finished (should have been killed)");
    }
}
