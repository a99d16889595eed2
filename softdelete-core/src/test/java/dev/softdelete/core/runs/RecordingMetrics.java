package dev.softdelete.core.runs;

import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Captures what the library reports, so tests can assert on metric names, tags and amounts. */
final class RecordingMetrics implements SoftDeleteMetrics {

    record Sample(String name, double amount, MetricTags tags) {
    }

    final List<Sample> samples = new CopyOnWriteArrayList<>();

    @Override
    public void count(String name, long amount, MetricTags tags) {
        samples.add(new Sample(name, amount, tags));
    }

    @Override
    public void time(String name, Duration duration, MetricTags tags) {
        samples.add(new Sample(name, duration.toNanos(), tags));
    }

    /** Observations (name) opened, and long tasks started and not yet stopped. */
    final List<String> observations = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger activeLongTasks = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger longTasks = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public <T> T observe(String name, MetricTags tags, java.util.function.Supplier<T> work) {
        observations.add(name);
        return work.get();
    }

    @Override
    public LongTask longTask(String name, MetricTags tags) {
        longTasks.incrementAndGet();
        activeLongTasks.incrementAndGet();
        return activeLongTasks::decrementAndGet;
    }

    long observed(String name) {
        return observations.stream().filter(name::equals).count();
    }

    long total(String name, String tagKey, String tagValue) {
        return (long) samples.stream().filter(s -> s.name().equals(name)
                && (tagKey == null || tagValue.equals(s.tags().get(tagKey)))).mapToDouble(Sample::amount).sum();
    }

    long events(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).count();
    }
}
