package dev.softdelete.spring;

import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.core.metrics.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reports through the application's {@link MeterRegistry} (and {@link ObservationRegistry} when
 * present). Never Micrometer's global registry. Loaded only when Micrometer is on the classpath.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
class SoftDeleteMetricsConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnMissingBean(SoftDeleteMetrics.class)
    MicrometerMetrics softDeleteMetrics(MeterRegistry registry, ObjectProvider<ObservationRegistry> observations) {
        return MicrometerMetrics.of(registry, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
