package dev.softdelete.spring;

import dev.softdelete.core.ActorProvider;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Creates the {@link SoftDelete} entry point from the application's {@link DataSource}: dialect
 * detected, library schema initialized (by the built-in initializer unless
 * {@code softdelete.schema.initialize=false}, or by Flyway with {@code softdelete.schema.flyway.enabled=true}),
 * metrics through the application's {@code MeterRegistry} when Micrometer is present. Hosts
 * customize by declaring their own {@link ActorProvider}, {@link Clock} or {@link SoftDeleteMetrics}
 * beans, or replace the whole {@link SoftDelete} bean.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass(SoftDelete.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "softdelete", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SoftDeleteProperties.class)
@Import({SoftDeleteMetricsConfiguration.class, SoftDeleteFlywayConfiguration.class})
public class SoftDeleteAutoConfiguration {

    /**
     * The {@link SoftDelete} facade for the single {@link DataSource}, using the context's
     * {@link SoftDeleteMetrics}, {@link ActorProvider} and {@link Clock} beans when present. Creates or
     * upgrades the library schema unless {@code softdelete.schema.initialize=false}, or after Flyway
     * applied it ({@code softdelete.schema.flyway.enabled=true}, {@link SoftDeleteFlywayMigration}).
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public SoftDelete softDelete(DataSource dataSource, SoftDeleteProperties properties,
            ObjectProvider<SoftDeleteMetrics> metrics, ObjectProvider<ActorProvider> actors,
            ObjectProvider<Clock> clock, ObjectProvider<SoftDeleteFlywayMigration> flyway) {
        // Never the proxy-wrapped bean: the proxy asks for this bean on its first connection.
        DataSource raw = dataSource instanceof UnwrappableDataSource wrapped ? wrapped.unwrapped() : dataSource;
        SoftDeleteFlywayMigration migration = flyway.getIfAvailable();
        if (migration == null && properties.getSchema().getFlyway().isEnabled()) {
            throw new IllegalStateException("softdelete.schema.flyway.enabled=true, but Flyway is not on the class path:"
                    + " add org.flywaydb:flyway-core (and Flyway's module for your database), or remove the property"
                    + " to let the library's built-in initializer create its tables.");
        }
        SoftDelete.Builder builder = SoftDelete.builder(raw)
                .tablePrefix(properties.getTablePrefix())
                // Flyway, when it manages the library's scripts, has applied them by now.
                .initializeSchema(migration == null && properties.getSchema().isInitialize());
        metrics.ifAvailable(builder::metrics);
        actors.ifAvailable(builder::actorProvider);
        clock.ifAvailable(builder::clock);
        if (properties.getInstanceId() != null && !properties.getInstanceId().isBlank()) {
            builder.instanceId(properties.getInstanceId());
        }
        return builder.build();
    }

    /** The periodic setup check of the soft-deletable tables, when {@code softdelete.tables.check-interval} is set. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "softdelete.tables", name = "check-interval")
    SoftDeleteTableCheckSchedule softDeleteTableCheckSchedule(SoftDelete softDelete, SoftDeleteProperties properties) {
        return new SoftDeleteTableCheckSchedule(softDelete, properties.getTables().getCheckInterval());
    }
}
