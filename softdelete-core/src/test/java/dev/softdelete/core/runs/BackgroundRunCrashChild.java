package dev.softdelete.core.runs;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.testing.CrashChild;
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
        SoftDelete sd = CrashChild.softDelete(args);
        sd.runs().worker(RunOptions.defaults().withBatchSize(20).withRowsPerSecond(100)
                .withLeaseDuration(Duration.ofSeconds(10))).run();
        System.out.println("child finished (should have been killed)");
    }
}
