package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The read-only {@code softdelete} Actuator endpoint, with Actuator on the classpath; available as
 * any endpoint once exposed ({@code management.endpoints.web.exposure.include=softdelete}).
 */
@AutoConfiguration(after = SoftDeleteAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(SoftDelete.class)
public class SoftDeleteEndpointAutoConfiguration {

    /** The endpoint. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(SoftDeleteEndpoint.class)
    public SoftDeleteEndpoint softDeleteEndpoint(SoftDelete softDelete,
            org.springframework.beans.factory.ObjectProvider<dev.softdelete.core.cleanup.CleanupScheduler> scheduler) {
        return new SoftDeleteEndpoint(softDelete, scheduler.getIfAvailable());
    }
}
