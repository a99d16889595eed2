package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.hibernate.SoftDeleteSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Hands the application's {@link SoftDelete} (clock, actor provider for {@code deleted_by}, metrics)
 * to the {@code @SoftDeletable} integration, which Hibernate service-loads by itself. Ordered
 * before Boot's {@code HibernateJpaAutoConfiguration}, which applies the customizer while it
 * builds the {@code EntityManagerFactory}. With {@code softdelete.enabled=false} the integration is
 * switched off instead ({@link SoftDeleteSettings#INTEGRATION_ENABLED}). The
 * {@link HibernateSoftDelete} bean comes from {@link SoftDeleteHibernateJpaAutoConfiguration},
 * which must run after the factory exists.
 */
@AutoConfiguration(after = SoftDeleteAutoConfiguration.class,
        beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({HibernateSoftDelete.class, HibernatePropertiesCustomizer.class})
public class SoftDeleteHibernateAutoConfiguration {

    @Bean
    @ConditionalOnBean(SoftDelete.class)
    @ConditionalOnProperty(prefix = "softdelete", name = "enabled", matchIfMissing = true)
    HibernatePropertiesCustomizer softDeleteHibernatePropertiesCustomizer(SoftDelete softDelete) {
        return properties -> properties.put(SoftDeleteSettings.CORE, softDelete);
    }

    @Bean
    @ConditionalOnProperty(prefix = "softdelete", name = "enabled", havingValue = "false")
    HibernatePropertiesCustomizer softDeleteHibernateDisabledCustomizer() {
        return properties -> properties.put(SoftDeleteSettings.INTEGRATION_ENABLED, "false");
    }
}
