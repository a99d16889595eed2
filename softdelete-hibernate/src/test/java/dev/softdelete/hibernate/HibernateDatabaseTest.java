package dev.softdelete.hibernate;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.hibernate.model.Car;
import dev.softdelete.hibernate.model.Document;
import dev.softdelete.hibernate.model.Invoice;
import dev.softdelete.hibernate.model.Note;
import dev.softdelete.hibernate.model.Product;
import dev.softdelete.hibernate.model.ProductAsset;
import dev.softdelete.hibernate.model.ProductAttribute;
import dev.softdelete.hibernate.model.Supplier;
import dev.softdelete.hibernate.model.Vehicle;
import dev.softdelete.testing.DatabaseTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.softdelete.core.metrics.micrometer.MicrometerMetrics;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Hibernate session factory over the class's isolated database, with the test catalogue
 * (products with assets and attributes, notes, documents, vehicles, suppliers). Tables are emptied
 * before each test; the clock and the actor are settable.
 */
abstract class HibernateDatabaseTest extends DatabaseTest {

    protected static final Instant T0 = Instant.parse("2026-03-29T01:30:00.123456Z");

    protected final SettableClock clock = new SettableClock(T0);
    protected final AtomicReference<String> actor = new AtomicReference<>("alice");
    protected final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Observations stopped so far (name and low-cardinality key values), as a tracing bridge would see them. */
    protected final java.util.List<io.micrometer.observation.Observation.Context> observations =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final io.micrometer.observation.ObservationRegistry observationRegistry = observationRegistry(observations);

    private static io.micrometer.observation.ObservationRegistry observationRegistry(
            java.util.List<io.micrometer.observation.Observation.Context> stopped) {
        var registry = io.micrometer.observation.ObservationRegistry.create();
        registry.observationConfig().observationHandler(
                new io.micrometer.observation.ObservationHandler<io.micrometer.observation.Observation.Context>() {
                    @Override
                    public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                        return true;
                    }

                    @Override
                    public void onStop(io.micrometer.observation.Observation.Context context) {
                        stopped.add(context);
                    }
                });
        return registry;
    }
    protected SoftDelete core;
    protected SessionFactory sessionFactory;
    protected HibernateSoftDelete softDelete;

    @BeforeAll
    void buildSessionFactory() {
        String ts = database().localTimestampType();
        db.execute(
                "CREATE TABLE products (id BIGINT PRIMARY KEY, sku VARCHAR(40) NOT NULL, name VARCHAR(100),"
                        + " deleted_at " + ts + ", deleted_by VARCHAR(100))",
                "CREATE TABLE product_assets (id BIGINT PRIMARY KEY, product_id BIGINT NOT NULL REFERENCES products (id),"
                        + " url VARCHAR(200), deleted_at " + ts + ", deleted_by VARCHAR(100))",
                "CREATE TABLE product_attributes (id BIGINT PRIMARY KEY,"
                        + " product_id BIGINT NOT NULL REFERENCES products (id), attr_key VARCHAR(60),"
                        + " deleted_at " + ts + ")",
                "CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(100), version INT NOT NULL,"
                        + " removed_at " + timestampWithZone() + ")",
                "CREATE TABLE documents (id BIGINT PRIMARY KEY, kind VARCHAR(31) NOT NULL, title VARCHAR(100),"
                        + " amount BIGINT, deleted_at " + ts + ")",
                "CREATE TABLE vehicles (id BIGINT PRIMARY KEY, plate VARCHAR(20), deleted_at " + ts + ")",
                "CREATE TABLE cars (id BIGINT PRIMARY KEY REFERENCES vehicles (id), seats INT NOT NULL)",
                "CREATE TABLE suppliers (id BIGINT PRIMARY KEY, name VARCHAR(100))");
        createExtraSchema(ts);
        core = softDelete(b -> b.clock(clock).actorProvider(actor::get).metrics(MicrometerMetrics.of(meters, observationRegistry)));
        sessionFactory = buildSessionFactory(core, 1);
        softDelete = HibernateSoftDelete.of(sessionFactory);
    }

    /** A time-zone-aware column where the database has one (MariaDB has none). */
    protected String timestampWithZone() {
        return database().zonedTimestampType();
    }

    /** A SQL literal for {@code instant} comparable with a {@link #timestampWithZone()} column. */
    protected String zonedLiteral(Instant instant) {
        return database().zonedTimestampLiteral(instant);
    }

    /** Subclasses add tables they need (called before the session factory is built). */
    protected void createExtraSchema(String timestampType) {
    }

    protected SessionFactory buildSessionFactory(SoftDelete softDeleteCore, int batchSize) {
        var builder = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource())
                .applySetting(SoftDeleteSettings.CORE, softDeleteCore)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, batchSize)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none");
        configure(builder);
        return new MetadataSources(builder.build())
                .addAnnotatedClasses(Product.class, ProductAsset.class, ProductAttribute.class, Note.class,
                        Document.class, Invoice.class, Vehicle.class, Car.class, Supplier.class)
                .addAnnotatedClasses(extraEntities())
                .buildMetadata().buildSessionFactory();
    }

    /** Subclasses add Hibernate settings. */
    protected void configure(StandardServiceRegistryBuilder builder) {
    }

    /** Subclasses add entities (their tables from {@link #createExtraSchema}). */
    protected Class<?>[] extraEntities() {
        return new Class<?>[0];
    }

    @AfterAll
    void closeSessionFactory() {
        if (sessionFactory != null) {
            sessionFactory.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        db.execute("DELETE FROM product_assets", "DELETE FROM product_attributes", "DELETE FROM products",
                "DELETE FROM notes", "DELETE FROM documents", "DELETE FROM cars", "DELETE FROM vehicles",
                "DELETE FROM suppliers");
        clock.set(T0);
        actor.set("alice");
    }

    protected void inTransaction(Consumer<Session> work) {
        sessionFactory.inTransaction(work);
    }

    protected <T> T fromTransaction(Function<Session, T> work) {
        return sessionFactory.fromTransaction(work);
    }

    /** A product with two assets and one attribute: ids p, p*10+1, p*10+2 (assets), p*10+5 (attribute). */
    protected void createProduct(long id, String sku) {
        inTransaction(s -> {
            Product p = new Product(id, sku, "Product " + id);
            s.persist(p);
            s.persist(new ProductAsset(id * 10 + 1, p, "https://cdn/" + id + "-1.jpg"));
            s.persist(new ProductAsset(id * 10 + 2, p, "https://cdn/" + id + "-2.jpg"));
            s.persist(new ProductAttribute(id * 10 + 5, p, "colour"));
        });
    }

    protected long count(String sql) {
        return db.queryLong(sql);
    }
}
