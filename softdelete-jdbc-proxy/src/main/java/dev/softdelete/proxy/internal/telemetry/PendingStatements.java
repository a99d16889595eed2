package dev.softdelete.proxy.internal.telemetry;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Statements executed but not yet analysed, with what their analysis needs to be attributed:
 * the SQL, the calling frame (unformatted) and the time. Bounded in statements and in characters;
 * {@link #offer} never blocks, and a statement that does not fit is counted as dropped (the
 * caller alerts). Up to {@value #DRAINERS} drain tasks run on the shared analysis threads while
 * statements wait; each takes statements one by one and hands them to the consumer.
 */
final class PendingStatements {

    static final int DRAINERS = 2;

    /** One executed statement waiting for its analysis. */
    record Pending(String sql, Caller caller, Instant at) {
    }

    private final ArrayBlockingQueue<Pending> queue;
    private final long maxChars;
    private final AtomicLong chars = new AtomicLong();
    /** Offered and not yet fully handled (queued or being analysed). */
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicInteger drainers = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final Executor executor;
    private final java.util.concurrent.ScheduledExecutorService delayed;
    private final Consumer<Pending> consumer;

    PendingStatements(int maxStatements, long maxChars, Executor executor,
            java.util.concurrent.ScheduledExecutorService delayed, Consumer<Pending> consumer) {
        this.delayed = delayed;
        this.queue = new ArrayBlockingQueue<>(maxStatements);
        this.maxChars = maxChars;
        this.executor = executor;
        this.consumer = consumer;
    }

    /** Queues a statement for analysis; false (and counted) when the buffer is full. */
    boolean offer(Pending p) {
        long size = p.sql().length();
        if (chars.addAndGet(size) > maxChars) {
            chars.addAndGet(-size);
            dropped.increment();
            return false;
        }
        outstanding.incrementAndGet();
        if (!queue.offer(p)) {
            chars.addAndGet(-size);
            outstanding.decrementAndGet();
            dropped.increment();
            return false;
        }
        startDrainer();
        return true;
    }

    /**
     * Starts a drain task unless {@value #DRAINERS} are running or scheduled. While few statements
     * wait, the task starts after {@value #BATCH_DELAY_MICROS} us, so a thread trickling statements
     * wakes an analysis thread about once per that delay rather than once per statement (on a busy
     * machine each wake-up costs the query thread's core a context switch).
     */
    private void startDrainer() {
        int running = drainers.get();
        while (running < DRAINERS) {
            if (drainers.compareAndSet(running, running + 1)) {
                if (running == 0 && queue.size() < BATCH_THRESHOLD && delayed != null) {
                    delayed.schedule(() -> executor.execute(this::drain), BATCH_DELAY_MICROS, TimeUnit.MICROSECONDS);
                } else {
                    executor.execute(this::drain);
                }
                return;
            }
            running = drainers.get();
        }
    }

    static final long BATCH_DELAY_MICROS = 2000;
    static final int BATCH_THRESHOLD = 256;

    private void drain() {
        try {
            for (Pending p = queue.poll(); p != null; p = queue.poll()) {
                chars.addAndGet(-p.sql().length());
                try {
                    consumer.accept(p);
                } finally {
                    outstanding.decrementAndGet();
                }
            }
        } finally {
            drainers.decrementAndGet();
        }
        if (!queue.isEmpty()) {
            startDrainer(); // offered between the last poll and the decrement
        }
    }

    /** Waits until no statement waits or is being analysed, at most {@code timeoutMillis}; whether it got there. */
    boolean awaitIdle(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (outstanding.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
        return true;
    }

    long dropped() {
        return dropped.sum();
    }

    int size() {
        return queue.size();
    }
}
