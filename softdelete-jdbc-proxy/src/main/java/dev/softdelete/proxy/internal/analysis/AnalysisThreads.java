package dev.softdelete.proxy.internal.analysis;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every proxy in the JVM shares for SQL analysis: two analysis threads (each proxy
 * keeps at most two drain tasks queued, so their queue stays small; the statements themselves wait
 * in each proxy's bounded buffer), and one watchdog that interrupts a parse running past its time limit. Daemon threads, so
 * they never keep an application alive. JSqlParser's own {@code parse()} would start a thread per
 * call; we drive the parser directly on these instead.
 */
public final class AnalysisThreads {

    private static final ExecutorService PARSERS = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), daemon("softdelete-sql-analysis"));
    private static final ScheduledThreadPoolExecutor WATCHDOG =
            new ScheduledThreadPoolExecutor(1, daemon("softdelete-sql-watchdog"));

    static {
        ((ThreadPoolExecutor) PARSERS).allowCoreThreadTimeOut(true);
        WATCHDOG.setRemoveOnCancelPolicy(true);
    }

    private AnalysisThreads() {
    }

    /** The shared analysis threads. */
    public static ExecutorService parsers() {
        return PARSERS;
    }

    /** The shared scheduler (parse watchdog, delayed drain starts). */
    public static ScheduledExecutorService watchdog() {
        return WATCHDOG;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
