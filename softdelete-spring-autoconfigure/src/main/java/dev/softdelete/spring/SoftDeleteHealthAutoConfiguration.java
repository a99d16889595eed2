package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.cleanup.CleanupScheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code softDelete} health indicator, with Boot's health support (spring-boot-health, part of
 * Actuator) on the classpath; {@code management.health.softdelete.enabled=false} switches it off.
 */
@AutoConfiguration(after = {SoftDeleteAutoConfiguration.class, SoftDeleteCleanupAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(SoftDelete.class)
@ConditionalOnEnabledHealthIndicator("softdelete")
public class SoftDeleteHealthAutoConfiguration {

    /** Schema version, cleanup queue and workers, runs with an expired lease. */
    @Bean
    @ConditionalOnMissingBean(name = "softDeleteHealthIndicator")
    public HealthIndicator softDeleteHealthIndicator(SoftDelete softDelete, ObjectProvider<CleanupScheduler> scheduler,
            SoftDeleteProperties properties, ObjectProvider<SoftDeleteFlywayMigration> flyway) {
        SoftDeleteFlywayMigration migration = flyway.getIfAvailable();
        return migration == null ? new SoftDeleteHealthIndicator(softDelete, scheduler.getIfAvailable(), properties.getHealth())
                : new SoftDeleteHealthIndicator(softDelete, scheduler.getIfAvailable(), properties.getHealth(),
                        migration::currentVersion);
    }
}
