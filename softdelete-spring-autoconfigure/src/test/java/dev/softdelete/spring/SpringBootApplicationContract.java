package dev.softdelete.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.spring.app.ShopApplication;
import dev.softdelete.spring.app.Widget;
import dev.softdelete.spring.app.WidgetQueries;
import dev.softdelete.proxy.SoftDeleteProxy;
import dev.softdelete.proxy.leak.LeakReport;
import javax.sql.DataSource;
import dev.softdelete.testing.IsolatedDatabase;
import dev.softdelete.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real {@code @SpringBootApplication} started by {@code @SpringBootTest}: every auto-configuration
 * on the classpath applies, in Boot's own order. Each subclass opens its database in a
 * {@code @DynamicPropertySource} method calling {@link #open}.
 */
// spring.flyway.enabled=false: the shop has no migrations (Boot's Flyway support is on the test class path for FlywayContract).
@SpringBootTest(classes = ShopApplication.class, properties = {"spring.jpa.hibernate.ddl-auto=none",
        "softdelete.proxy.enabled=true", "spring.flyway.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
public abstract class SpringBootApplicationContract {

    private static final Map<TestDatabase, IsolatedDatabase> OPEN = new ConcurrentHashMap<>();

    @Autowired
    ApplicationContext context;

    /** The database this class runs on. */
    protected abstract TestDatabase database();

    /** Creates the class's database with the application's table, and points {@code spring.datasource} at it. */
    protected static void open(TestDatabase database, DynamicPropertyRegistry registry) {
        IsolatedDatabase db = OPEN.computeIfAbsent(database, d -> {
            IsolatedDatabase created = d.create();
            created.execute("CREATE TABLE widgets (id BIGINT PRIMARY KEY, name VARCHAR(100), deleted_at "
                    + d.localTimestampType() + ", deleted_by VARCHAR(100))",
                    "INSERT INTO widgets (id, name) VALUES (1, 'sprocket')");
            return created;
        });
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @AfterAll
    void dropDatabase() {
        IsolatedDatabase db = OPEN.remove(database());
        if (db != null) {
            db.close();
        }
    }

    @Test
    void startsWithHibernateSoftDeleteAndRemoveIsSoft() {
        assertThat(context.getBeansOfType(SoftDelete.class)).hasSize(1);
        assertThat(context.getBeansOfType(HibernateSoftDelete.class)).hasSize(1);
        EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        em.remove(em.find(Widget.class, 1L));
        em.getTransaction().commit();
        em.close();
        EntityManager reader = emf.createEntityManager();
        assertThat(reader.find(Widget.class, 1L)).as("hidden once deleted").isNull();
        reader.close();
        IsolatedDatabase db = OPEN.get(database());
        assertThat(db.queryLong("SELECT COUNT(*) FROM widgets WHERE id = 1 AND deleted_at IS NOT NULL"
                + " AND deleted_by = 'shop-admin'")).as("the row stays, marked by the application's actor")
                .isEqualTo(1);
    }

    @Test
    void theProxyWrapsTheApplicationsDataSourceAndReportsLeaksFromTheApplicationsPackage() throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        assertThat(dataSource.isWrapperFor(SoftDeleteProxy.class)).isTrue();
        assertThat(context.getBean(SoftDelete.class).dataSource()).isNotSameAs(dataSource)
                .isNotInstanceOf(SoftDeleteProxy.class);
        SoftDeleteProxy proxy = dataSource.unwrap(SoftDeleteProxy.class);
        proxy.refreshWatchList(); // picks up the tables Hibernate contributed (periodic otherwise)
        context.getBean(WidgetQueries.class).allIds();
        assertThat(proxy.leaks()).extracting(LeakReport::table).anySatisfy(t -> assertThat(t).isEqualToIgnoringCase("widgets"));
        assertThat(proxy.leaks()).filteredOn(l -> l.table().equalsIgnoreCase("widgets")).first()
                .satisfies(l -> assertThat(l.caller()).as("default applicationPackages: the @SpringBootApplication's")
                        .startsWith(WidgetQueries.class.getName()));
    }
}
