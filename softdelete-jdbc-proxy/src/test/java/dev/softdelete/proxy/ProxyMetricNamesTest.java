package dev.softdelete.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.metrics.MetricNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ProxyMetricNamesTest {

    @Test
    void everyProxyMeterHasADescription() throws IllegalAccessException {
        for (Field f : ProxyMetricNames.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && f.getType() == String.class) {
                String name = (String) f.get(null);
                assertThat(MetricNames.description(name)).as(name).isNotBlank();
            }
        }
    }
}
