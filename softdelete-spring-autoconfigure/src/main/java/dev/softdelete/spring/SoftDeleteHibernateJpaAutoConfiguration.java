package dev.softdelete.spring;

import dev.softdelete.hibernate.HibernateSoftDelete;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Exposes {@link HibernateSoftDelete} (restore, deleted items, purge, hard delete) for the single
 * {@link EntityManagerFactory}. A top-level auto-configuration of its own, ordered after Boot's
 * {@code HibernateJpaAutoConfiguration}: a configuration nested in
 * {@link SoftDeleteHibernateAutoConfiguration} would be evaluated with its outer class, before the
 * factory exists, and never match.
 */
@AutoConfiguration(after = SoftDeleteHibernateAutoConfiguration.class,
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({HibernateSoftDelete.class, EntityManagerFactory.class})
@ConditionalOnSingleCandidate(EntityManagerFactory.class)
@ConditionalOnProperty(prefix = "softdelete", name = "enabled", matchIfMissing = true)
public class SoftDeleteHibernateJpaAutoConfiguration {

    /** The Hibernate integration for the single {@link EntityManagerFactory}. */
    @Bean
    @ConditionalOnMissingBean
    public HibernateSoftDelete hibernateSoftDelete(EntityManagerFactory entityManagerFactory) {
        return HibernateSoftDelete.of(entityManagerFactory);
    }
}
