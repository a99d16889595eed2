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

    long total(String name, String tagKey, String tagValue) {
        return (long) samples.stream().filter(s -> s.name().equals(name)
                && (tagKey == null || tagValue.equals(s.tags().get(tagKey)))).mapToDouble(Sample::amount).sum();
    }

    long events(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).count();
    }
}
