package dev.softdelete.testing;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.dialect.Dialect;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every contract test: an abstract {@code XxxContract extends DatabaseTest} holds the
 * tests, and {@code H2XxxTest}, {@code PostgresXxxTest}, {@code MariaDbXxxTest} only say which
 * {@link TestDatabase} to use. Each class gets its own isolated database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest {

    protected IsolatedDatabase db;

    /** The database this class runs on. */
    protected abstract TestDatabase database();

    @BeforeAll
    void openIsolatedDatabase() {
        db = database().create();
    }

    @AfterAll
    void dropIsolatedDatabase() {
        if (db != null) {
            db.close();
        }
    }

    protected DataSource dataSource() {
        return db.dataSource();
    }

    protected Dialect dialect() {
        return db.dialect();
    }

    /** A {@link SoftDelete} on this class's database with default settings (schema initialized). */
    protected SoftDelete softDelete() {
        return softDelete(b -> b);
    }

    /** A {@link SoftDelete} on this class's database, customized. */
    protected SoftDelete softDelete(UnaryOperator<SoftDelete.Builder> customizer) {
        return customizer.apply(SoftDelete.builder(dataSource())).build();
    }
}
