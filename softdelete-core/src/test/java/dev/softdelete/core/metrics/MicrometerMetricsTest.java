package dev.softdelete.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.metrics.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrometerMetricsTest {

    @Test
    void everyMeterNameHasADescription() throws IllegalAccessException {
        int names = 0;
        for (Field f : MetricNames.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && f.getType() == String.class) {
                String name = (String) f.get(null);
                assertThat(MetricNames.description(name)).as(name).isNotBlank();
                names++;
            }
        }
        assertThat(names).isGreaterThan(10);
        assertThat(MetricNames.description("softdelete.no.such.meter")).isNull();
    }

    @Test
    void metersCarryTheirDescriptionAndTimersAHistogram() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        java.util.Map<String, DistributionStatisticConfig> configs = new java.util.concurrent.ConcurrentHashMap<>();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                configs.put(id.getName(), config);
                return config;
            }
        });
        MicrometerMetrics metrics = MicrometerMetrics.of(registry);
        {
            metrics.time(MetricNames.RUNS_BATCH_DURATION, Duration.ofMillis(40), MetricTags.of("kind", "SOFT_DELETE"));
            metrics.count(MetricNames.RUNS, 1, MetricTags.of("kind", "SOFT_DELETE", "outcome", "completed"));
            Timer timer = registry.find(MetricNames.RUNS_BATCH_DURATION).timer();
            assertThat(timer.getId().getDescription()).isEqualTo(MetricNames.description(MetricNames.RUNS_BATCH_DURATION));
            assertThat(configs.get(MetricNames.RUNS_BATCH_DURATION).isPercentileHistogram())
                    .as("a percentile histogram, so quantiles aggregate across instances").isTrue();
            assertThat(registry.find(MetricNames.RUNS).counter().getId().getDescription()).isNotBlank();
        }
        metrics.close();
        assertThat(registry.getMeters()).isEmpty();
    }
}
