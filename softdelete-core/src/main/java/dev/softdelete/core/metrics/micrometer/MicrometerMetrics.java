package dev.softdelete.core.metrics.micrometer;

import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Reports through the host's {@link MeterRegistry} and, when given, {@link ObservationRegistry}.
 * Every meter carries its description ({@link MetricNames#description}); timers publish a
 * percentile histogram, so dashboards can plot quantiles aggregated across instances.
 * Only loaded when the host hands in a registry, so Micrometer stays an optional dependency.
 * {@link #close()} removes every meter this instance registered.
 */
public final class MicrometerMetrics implements SoftDeleteMetrics {

    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final ConcurrentHashMap<Key, Meter> meters = new ConcurrentHashMap<>();
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    private MicrometerMetrics(MeterRegistry registry, ObservationRegistry observations) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.observations = observations == null ? ObservationRegistry.NOOP : observations;
    }

    /** Meters only; observations are no-ops. */
    public static MicrometerMetrics of(MeterRegistry registry) {
        return new MicrometerMetrics(registry, null);
    }

    /** Meters and observations. */
    public static MicrometerMetrics of(MeterRegistry registry, ObservationRegistry observations) {
        return new MicrometerMetrics(registry, observations);
    }

    /** Returns the registry meters are registered in. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void count(String name, long amount, MetricTags tags) {
        ((Counter) meters.computeIfAbsent(new Key('c', name, tags),
                k -> Counter.builder(name).description(MetricNames.description(name)).tags(tags(tags))
                        .register(registry))).increment(amount);
    }

    @Override
    public void time(String name, Duration duration, MetricTags tags) {
        ((Timer) meters.computeIfAbsent(new Key('t', name, tags),
                k -> Timer.builder(name).description(MetricNames.description(name)).tags(tags(tags))
                        .publishPercentileHistogram().register(registry))).record(duration);
    }

    @Override
    public void summary(String name, double amount, MetricTags tags) {
        ((DistributionSummary) meters.computeIfAbsent(new Key('s', name, tags),
                k -> DistributionSummary.builder(name).description(MetricNames.description(name))
                        .tags(tags(tags)).register(registry))).record(amount);
    }

    @Override
    public void gauge(String name, MetricTags tags, Supplier<? extends Number> value) {
        gauges.add(Gauge.builder(name, () -> value.get()).description(MetricNames.description(name)).tags(tags(tags)).strongReference(true).register(registry));
    }

    @Override
    public <T> T observe(String name, MetricTags tags, Supplier<T> work) {
        Observation observation = Observation.createNotStarted(name, observations);
        List<String> kv = tags.keyValues();
        for (int i = 0; i < kv.size(); i += 2) {
            observation.lowCardinalityKeyValue(kv.get(i), kv.get(i + 1));
        }
        return observation.observe(work);
    }

    @Override
    public LongTask longTask(String name, MetricTags tags) {
        LongTaskTimer timer = (LongTaskTimer) meters.computeIfAbsent(new Key('l', name, tags),
                k -> LongTaskTimer.builder(name).description(MetricNames.description(name)).tags(tags(tags))
                        .register(registry));
        LongTaskTimer.Sample sample = timer.start();
        return sample::stop;
    }

    @Override
    public void close() {
        meters.values().forEach(registry::remove);
        gauges.forEach(registry::remove);
        meters.clear();
        gauges.clear();
    }

    private static Tags tags(MetricTags tags) {
        return Tags.of(tags.keyValues().toArray(String[]::new));
    }

    private record Key(char type, String name, MetricTags tags) {
    }
}
