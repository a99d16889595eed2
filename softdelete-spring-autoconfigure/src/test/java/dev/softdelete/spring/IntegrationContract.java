package dev.softdelete.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.ActorProvider;
import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.cleanup.CleanupJob;
import dev.softdelete.core.cleanup.JobStatus;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.spring.gadget.Gadget;
import dev.softdelete.testing.DatabaseTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The Hibernate and cleanup auto-configurations inside a Spring Boot context, on each database. */
public abstract class IntegrationContract extends DatabaseTest {

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Gadget.class)
    static class GadgetConfiguration {
    }

    private final SettableClock clock = new SettableClock(Instant.parse("2026-05-05T05:05:05Z"));

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(BootAutoConfigurations.jdbc())
                .withPropertyValues(BootAutoConfigurations.dataSource(db))
                .withBean(ActorProvider.class, () -> () -> "dave")
                .withBean(Clock.class, () -> clock);
    }

    private String timestamp() {
        return database().localTimestampType();
    }

    private void createGadgets() {
        db.execute("CREATE TABLE IF NOT EXISTS gadgets (id BIGINT PRIMARY KEY, name VARCHAR(100), deleted_at "
                + timestamp() + ", deleted_by VARCHAR(100))");
    }

    @Test
    void hibernateRemoveIsSoftAndRecordsTheSpringActor() {
        createGadgets();
        db.execute("INSERT INTO gadgets (id, name) VALUES (1, 'lamp')");
        runner().withConfiguration(BootAutoConfigurations.jpa())
                .withUserConfiguration(GadgetConfiguration.class)
                .withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
                .run(context -> {
                    assertThat(context).hasSingleBean(HibernateSoftDelete.class);
                    EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
                    EntityManager em = emf.createEntityManager();
                    em.getTransaction().begin();
                    em.remove(em.find(Gadget.class, 1L));
                    em.getTransaction().commit();
                    em.close();
                    EntityManager reader = emf.createEntityManager();
                    assertThat(reader.find(Gadget.class, 1L)).as("hidden once deleted").isNull();
                    reader.close();
                });
        assertThat(db.queryLong("SELECT COUNT(*) FROM gadgets WHERE id = 1 AND deleted_at IS NOT NULL"
                + " AND deleted_by = 'dave'")).as("the row stays, marked by the Spring ActorProvider").isEqualTo(1);
    }

    @Test
    void cleanupWorkersRunInsideTheApplicationWhenEnabled() throws Exception {
        db.execute("CREATE TABLE expired_items (id BIGINT PRIMARY KEY, deleted_at " + timestamp() + ")",
                "INSERT INTO expired_items VALUES (1, '2026-01-01 00:00:00')",
                "INSERT INTO expired_items VALUES (2, '2026-01-02 00:00:00')",
                "INSERT INTO expired_items VALUES (3, '2026-05-01 00:00:00')",
                "INSERT INTO expired_items VALUES (4, NULL)");
        runner().withPropertyValues("softdelete.cleanup.enabled=true", "softdelete.cleanup.poll-interval=50ms")
                .run(context -> {
                    SoftDelete sd = context.getBean(SoftDelete.class);
                    CleanupJob job = sd.cleanup().queue().enqueue(RetentionPolicy.purge("expired_items"));
                    // The scheduler works on its own threads: wait (bounded) for it to finish the job.
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (sd.cleanup().queue().require(job.id()).status() != JobStatus.DONE
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50); // polling a background thread, not waiting for time to pass
                    }
                    assertThat(sd.cleanup().queue().require(job.id()).status()).isEqualTo(JobStatus.DONE);
                });
        assertThat(db.queryLong("SELECT COUNT(*) FROM expired_items")).isEqualTo(2);
        assertThat(db.queryLong("SELECT COUNT(*) FROM expired_items WHERE id IN (3, 4)")).isEqualTo(2);
    }

    @Test
    void enabledFalseTurnsEverythingOffIncludingTheHibernateIntegration() {
        createGadgets();
        db.execute("INSERT INTO gadgets (id, name) VALUES (9, 'kettle')");
        runner().withConfiguration(BootAutoConfigurations.jpa())
                .withUserConfiguration(GadgetConfiguration.class)
                .withPropertyValues("softdelete.enabled=false", "softdelete.cleanup.enabled=true",
                        "spring.jpa.hibernate.ddl-auto=none")
                .run(context -> {
                    assertThat(context).hasNotFailed()
                            .doesNotHaveBean(SoftDelete.class)
                            .doesNotHaveBean(HibernateSoftDelete.class)
                            .doesNotHaveBean(dev.softdelete.core.cleanup.CleanupScheduler.class)
                            .doesNotHaveBean(SoftDeleteProperties.class);
                    EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
                    assertThat(emf.getProperties()).containsEntry(SoftDeleteSettings.INTEGRATION_ENABLED, "false");
                    EntityManager em = emf.createEntityManager();
                    em.getTransaction().begin();
                    em.remove(em.find(Gadget.class, 9L));
                    em.getTransaction().commit();
                    em.close();
                });
        assertThat(db.queryLong("SELECT COUNT(*) FROM gadgets WHERE id = 9"))
                .as("with the integration off, remove() deletes for good").isZero();
    }

    @Test
    void noCleanupWorkerUnlessEnabled() {
        runner().run(context -> assertThat(context)
                .doesNotHaveBean(dev.softdelete.core.cleanup.CleanupScheduler.class));
    }
}
