package dev.softdelete.hibernate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.model.Product;
import dev.softdelete.hibernate.model.ProductAsset;
import dev.softdelete.hibernate.model.ProductAttribute;
import dev.softdelete.testing.DatabaseTest;
import dev.softdelete.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

/**
 * How the integration gets activated: service-loaded for a plain JPA bootstrap (no code, no
 * setting), and refusing mappings it cannot honour. Database-independent, so H2 only.
 */
class BootstrapTest extends DatabaseTest {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @Test
    void aPlainJpaBootstrapSoftDeletesWithoutAnyConfiguration() {
        db.execute("CREATE TABLE products (id BIGINT PRIMARY KEY, sku VARCHAR(40), name VARCHAR(100),"
                        + " deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))",
                "CREATE TABLE product_assets (id BIGINT PRIMARY KEY, product_id BIGINT, url VARCHAR(200),"
                        + " deleted_at TIMESTAMP(6), deleted_by VARCHAR(100))",
                "CREATE TABLE product_attributes (id BIGINT PRIMARY KEY, product_id BIGINT, attr_key VARCHAR(60),"
                        + " deleted_at TIMESTAMP(6))");
        PersistenceConfiguration config = new PersistenceConfiguration("catalogue")
                .managedClass(Product.class).managedClass(ProductAsset.class).managedClass(ProductAttribute.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource())
                .property(AvailableSettings.HBM2DDL_AUTO, "none");
        try (EntityManagerFactory emf = Persistence.createEntityManagerFactory(config)) {
            emf.runInTransaction(em -> em.persist(new Product(1, "SKU-1", "one")));
            emf.runInTransaction(em -> em.remove(em.find(Product.class, 1L)));
            assertThat(db.queryLong("SELECT COUNT(*) FROM products WHERE deleted_at IS NOT NULL AND deleted_by = '"
                    + System.getProperty("user.name") + "'")).isEqualTo(1);
            emf.runInTransaction(em -> assertThat(em.find(Product.class, 1L)).isNull());
            // Without a configured SoftDelete, the API uses the factory's DataSource.
            assertThat(HibernateSoftDelete.of(emf).restore(Product.class, 1L).id()).isEqualTo(1L);
            assertThat(db.queryLong("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL")).isEqualTo(1);
        }
    }

    @Test
    void theIntegrationCanBeSwitchedOff() {
        db.execute("CREATE TABLE IF NOT EXISTS notes (id BIGINT PRIMARY KEY, body VARCHAR(100), version INT NOT NULL,"
                + " removed_at TIMESTAMP(6) WITH TIME ZONE)", "DELETE FROM notes");
        SoftDelete core = SoftDelete.builder(dataSource()).initializeSchema(false).build();
        PersistenceConfiguration config = new PersistenceConfiguration("off")
                .managedClass(dev.softdelete.hibernate.model.Note.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource())
                .property(AvailableSettings.HBM2DDL_AUTO, "none")
                .property(SoftDeleteSettings.CORE, core)
                .property(SoftDeleteSettings.INTEGRATION_ENABLED, "false");   // as a persistence.xml gives it
        try (EntityManagerFactory emf = Persistence.createEntityManagerFactory(config)) {
            emf.runInTransaction(em -> em.persist(new dev.softdelete.hibernate.model.Note(1, "x")));
            emf.runInTransaction(em -> em.remove(em.find(dev.softdelete.hibernate.model.Note.class, 1L)));
            assertThat(db.queryLong("SELECT COUNT(*) FROM notes")).as("plain Hibernate: deleted for good").isZero();
            assertThat(core.tables().all()).as("nothing declared").isEmpty();
            assertThatThrownBy(() -> HibernateSoftDelete.of(emf)).isInstanceOf(SoftDeleteException.class)
                    .hasMessageContaining(SoftDeleteSettings.INTEGRATION_ENABLED);
        }
    }

    @Test
    void removeWorksWithAUrlConfiguredFactoryAndNoDataSource() {
        db.execute("CREATE TABLE IF NOT EXISTS notes (id BIGINT PRIMARY KEY, body VARCHAR(100), version INT NOT NULL,"
                + " removed_at TIMESTAMP(6) WITH TIME ZONE)");
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, db.jdbcUrl())
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, db.user())
                .applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, db.password())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none").build();
        try (var sf = new MetadataSources(registry).addAnnotatedClass(dev.softdelete.hibernate.model.Note.class)
                .buildMetadata().buildSessionFactory()) {
            sf.inTransaction(s -> s.persist(new dev.softdelete.hibernate.model.Note(1, "x")));
            sf.inTransaction(s -> s.remove(s.find(dev.softdelete.hibernate.model.Note.class, 1L)));
            assertThat(db.queryLong("SELECT COUNT(*) FROM notes WHERE removed_at IS NOT NULL")).isEqualTo(1);
            try (var c = dataSource().getConnection(); var st = c.createStatement();
                    var rs = st.executeQuery("SELECT removed_at FROM notes")) {
                rs.next();
                var removedAt = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                assertThat(java.time.Duration.between(removedAt, java.time.Instant.now()).abs())
                        .as("a timestamptz column gets the instant, zone-correct").isLessThan(java.time.Duration.ofMinutes(1));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThatThrownBy(() -> HibernateSoftDelete.of(sf).restore(dev.softdelete.hibernate.model.Note.class, 1L))
                    .isInstanceOf(SoftDeleteException.class).hasMessageContaining(SoftDeleteSettings.CORE);
        }
    }

    @Test
    void compositeKeysAreRefusedWithAClearMessage() {
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none").build();
        try {
            assertThatThrownBy(() -> new MetadataSources(registry).addAnnotatedClass(LineItem.class).buildMetadata())
                    .isInstanceOf(SoftDeleteException.class).hasMessageContaining("LineItem")
                    .hasMessageContaining("composite key");
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    @Test
    void aWrongCoreSettingIsRefused() {
        assertThatThrownBy(() -> new StandardServiceRegistryBuilder()
                .applySetting(SoftDeleteSettings.CORE, "not a SoftDelete").build())
                .hasMessageContaining(SoftDelete.class.getName());
    }
}
