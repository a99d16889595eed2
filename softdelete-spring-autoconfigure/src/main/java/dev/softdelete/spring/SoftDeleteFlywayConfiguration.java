package dev.softdelete.spring;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code softdelete.schema.flyway.enabled=true} and Flyway on the classpath, the library's
 * scripts are applied by Flyway, in their own history table, before the {@code SoftDelete} bean is
 * built (which then does not run its built-in initializer).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
@ConditionalOnProperty(prefix = "softdelete.schema.flyway", name = "enabled")
class SoftDeleteFlywayConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SoftDeleteFlywayMigration softDeleteFlywayMigration(DataSource dataSource, SoftDeleteProperties properties) {
        DataSource raw = dataSource instanceof UnwrappableDataSource wrapped ? wrapped.unwrapped() : dataSource;
        SoftDeleteFlywayMigration migration = new SoftDeleteFlywayMigration(raw, properties.getTablePrefix());
        migration.migrate();
        return migration;
    }
}
