package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.alert.AlertListener;
import dev.softdelete.proxy.SoftDeleteProxy;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With softdelete-jdbc-proxy on the classpath and {@code softdelete.proxy.enabled=true}, wraps the
 * application's {@code DataSource} in a {@link SoftDeleteProxy} (deprecated-access telemetry, leak
 * reports, optional strict mode) configured from {@code softdelete.proxy.*}. The {@link SoftDelete}
 * bean keeps the unwrapped data source, so there is no bean cycle.
 */
@AutoConfiguration(after = SoftDeleteAutoConfiguration.class)
@ConditionalOnClass(SoftDeleteProxy.class)
@ConditionalOnProperty(prefix = "softdelete", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "softdelete.proxy", name = "enabled", havingValue = "true")
public class SoftDeleteProxyAutoConfiguration {

    /** The post-processor wrapping {@code DataSource} beans; static, as every {@code BeanPostProcessor} bean. */
    @Bean
    static SoftDeleteProxyPostProcessor softDeleteProxyPostProcessor(ObjectProvider<SoftDelete> softDelete,
            ObjectProvider<AlertListener> alerts, ObjectProvider<SoftDeleteProperties> properties,
            BeanFactory beanFactory) {
        return new SoftDeleteProxyPostProcessor(softDelete, alerts, properties, beanFactory);
    }
}
