package dev.softdelete.spring;

import dev.softdelete.core.cleanup.CleanupJob;
import dev.softdelete.core.cleanup.CleanupQueue;
import dev.softdelete.core.purge.RetentionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.support.CronExpression;

/**
 * Enqueues retention policies on their cron schedules ({@code softdelete.retention.policies}).
 * Every instance runs this; at each tick every instance calls
 * {@link CleanupQueue#enqueueOnce(String, Instant, RetentionPolicy, int)} with the same schedule
 * name and tick, and the database lets exactly one enqueue. A tick missed while no instance ran is
 * not caught up: the next tick enqueues (a purge job always takes every row expired by then).
 */
public final class SoftDeleteRetentionSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SoftDeleteRetentionSchedule.class);

    /**
     * One scheduled policy.
     *
     * @param name   the schedule's name in the database ({@code retention:<table>:<action>})
     * @param cron   when
     * @param zone   the cron expression's time zone
     * @param policy what
     * @param slices jobs per tick
     */
    public record Entry(String name, CronExpression cron, ZoneId zone, RetentionPolicy policy, int slices) {

        /** Checks that nothing is missing. */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(cron, "cron");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(policy, "policy");
        }

        /** The first tick strictly after {@code after}. */
        Instant next(Instant after) {
            ZonedDateTime next = cron.next(after.atZone(zone));
            if (next == null) {
                throw new IllegalStateException("Cron expression of " + name + " has no tick after " + after);
            }
            return next.toInstant();
        }
    }

    private final CleanupQueue queue;
    private final Clock clock;
    private final List<Entry> entries;
    private ScheduledExecutorService timer;

    /** A schedule of {@code entries} on {@code queue}; {@code clock} tells the time. */
    public SoftDeleteRetentionSchedule(CleanupQueue queue, Clock clock, List<Entry> entries) {
        this.queue = queue;
        this.clock = clock;
        this.entries = List.copyOf(entries);
    }

    /** The policies and their schedules. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Enqueues the policies that have a tick exactly at {@code tick}, unless another instance did;
     * returns the jobs this call queued. What the timer calls at each tick; public for operations
     * tools and tests.
     */
    public List<CleanupJob> enqueueAt(Instant tick) {
        List<CleanupJob> queued = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.next(tick.minusNanos(1)).equals(tick)) {
                queued.addAll(fire(entry, tick));
            }
        }
        return queued;
    }

    private List<CleanupJob> fire(Entry entry, Instant tick) {
        try {
            List<CleanupJob> jobs = queue.enqueueOnce(entry.name(), tick, entry.policy(), entry.slices());
            if (!jobs.isEmpty()) {
                log.info("softdelete retention: enqueued {} job(s) for {} at tick {}", jobs.size(), entry.name(), tick);
            }
            return jobs;
        } catch (RuntimeException e) {
            log.warn("softdelete retention: could not enqueue {} for tick {}; the next tick tries again", entry.name(),
                    tick, e);
            return List.of();
        }
    }

    private void scheduleNext(Entry entry, Instant after) {
        Instant tick = entry.next(after);
        long delay = Math.max(0, Duration.between(clock.instant(), tick).toMillis());
        timer.schedule(() -> {
            fire(entry, tick);
            scheduleNext(entry, tick);
        }, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start() {
        if (timer != null || entries.isEmpty()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "softdelete-retention-schedule");
            t.setDaemon(true);
            return t;
        });
        Instant now = clock.instant();
        entries.forEach(entry -> scheduleNext(entry, now));
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
