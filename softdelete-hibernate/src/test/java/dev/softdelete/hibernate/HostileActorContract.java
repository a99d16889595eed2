package dev.softdelete.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.hibernate.model.Product;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 6: the actor ({@code deleted_by}) and the instant reach the database as values,
 * whatever the actor holds and whatever the session settings of the connection say about string
 * literals. Every connection of the session factory (and of the core) runs
 * {@link #sessionSettings()} first; each database has a subclass per setting.
 */
abstract class HostileActorContract extends HibernateDatabaseTest {

    /** Statements run on every borrowed connection before use (the unusual session setting). */
    protected abstract List<String> sessionSettings();

    private DataSource withSettings;

    @Override
    protected DataSource dataSource() {
        if (withSettings == null) {
            withSettings = new SessionSettingsDataSource(super.dataSource(), sessionSettings());
        }
        return withSettings;
    }

    static Stream<String> hostileActors() {
        return Stream.of("\\' where id = ? + 1 --", "back\\slash", "O'Brien", "'); DROP TABLE x; --", "\\",
                "trailing\\", "\\'", "''", "/* not a comment */ -- nor this", "? ?", "$$dollar$$", "`tick` \"dq\"",
                "Zoë Ångström 日本語 🙂", "x".repeat(100));
    }

    @ParameterizedTest
    @MethodSource("hostileActors")
    void removeStoresExactlyTheActorOnExactlyTheRemovedRowAndItsChildren(String hostile) throws SQLException {
        createProducts();
        actor.set(hostile);
        inTransaction(s -> s.remove(s.find(Product.class, 2L)));
        assertOnlyProductTwoDeletedBy(hostile, true);
    }

    @ParameterizedTest
    @MethodSource("hostileActors")
    void bulkDeleteStoresExactlyTheActorOnExactlyTheMatchingRow(String hostile) throws SQLException {
        createProducts();
        actor.set(hostile);
        int deleted = fromTransaction(s -> s.createMutationQuery("delete from Product p where p.id = :id")
                .setParameter("id", 2L).executeUpdate());
        assertThat(deleted).isEqualTo(1);
        assertOnlyProductTwoDeletedBy(hostile, false);
    }

    @Test
    void aNulCharacterInTheActorIsRefusedBeforeAnythingIsWrittenAndTheFactoryKeepsWorking() throws SQLException {
        createProducts();
        actor.set("nul\u0000byte");
        assertThatThrownBy(() -> inTransaction(s -> s.remove(s.find(Product.class, 2L))))
                .satisfies(e -> assertThat(softDeleteCause(e)).as("a SoftDeleteException in %s", e)
                        .hasMessageContaining("NUL").hasMessageContaining("actor"));
        assertThatThrownBy(() -> inTransaction(s -> s.createMutationQuery("delete from Product p where p.id = 2")
                .executeUpdate()))
                .satisfies(e -> assertThat(softDeleteCause(e)).as("a SoftDeleteException in %s", e)
                        .hasMessageContaining("NUL"));
        assertThat(rows("SELECT id FROM products WHERE deleted_at IS NOT NULL")).isEmpty();
        assertThat(rows("SELECT id FROM product_assets WHERE deleted_at IS NOT NULL")).isEmpty();

        actor.set("alice");
        inTransaction(s -> s.remove(s.find(Product.class, 2L)));
        assertOnlyProductTwoDeletedBy("alice", true);
    }

    @Test
    void anActorLongerThanTheDeletedByColumnIsRefusedWithTheColumnsLimit() throws SQLException {
        createProducts();
        String longActor = "a".repeat(400);
        actor.set(longActor);
        assertThatThrownBy(() -> inTransaction(s -> s.remove(s.find(Product.class, 2L))))
                .satisfies(e -> assertThat(softDeleteCause(e)).as("a SoftDeleteException in %s", e)
                        .hasMessageContaining("deleted_by").hasMessageContaining("400").hasMessageContaining("100"));
        assertThatThrownBy(() -> inTransaction(s -> s.createMutationQuery("delete from Product p where p.id = 2")
                .executeUpdate()))
                .satisfies(e -> assertThat(softDeleteCause(e)).as("a SoftDeleteException in %s", e)
                        .hasMessageContaining("400"));
        assertThat(rows("SELECT id FROM products WHERE deleted_at IS NOT NULL")).isEmpty();
        assertThat(rows("SELECT id FROM product_assets WHERE deleted_at IS NOT NULL")).isEmpty();
    }

    private void createProducts() {
        createProduct(1, "SKU-1");
        createProduct(2, "SKU-2");
        createProduct(3, "SKU-3");
    }

    private void assertOnlyProductTwoDeletedBy(String expectedActor, boolean withChildren) throws SQLException {
        assertThat(rows("SELECT id FROM products ORDER BY id")).as("no row removed, no table dropped")
                .containsExactly("1", "2", "3");
        assertThat(rows("SELECT id FROM products WHERE deleted_at IS NOT NULL")).as("exactly row 2")
                .containsExactly("2");
        assertThat(rows("SELECT deleted_by FROM products WHERE id = 2")).as("exactly the actor")
                .containsExactly(expectedActor);
        assertThat(rows("SELECT deleted_by FROM products WHERE id <> 2 AND deleted_by IS NOT NULL")).isEmpty();
        assertThat(softDelete.deletedItems(Product.class, dev.softdelete.hibernate.listing.DeletedItemsQuery.page(0, 10))
                .items()).singleElement().satisfies(item -> {
                    assertThat(item.deletedBy()).isEqualTo(expectedActor);
                    assertThat(item.deletedAt()).isEqualTo(T0);
                });
        if (withChildren) {
            assertThat(rows("SELECT id FROM product_assets WHERE deleted_at IS NOT NULL ORDER BY id"))
                    .containsExactly("21", "22");
            assertThat(rows("SELECT DISTINCT deleted_by FROM product_assets WHERE deleted_at IS NOT NULL"))
                    .containsExactly(expectedActor);
        } else {
            assertThat(rows("SELECT id FROM product_assets WHERE deleted_at IS NOT NULL")).isEmpty();
        }
        assertThat(rows("SELECT COUNT(*) FROM product_assets")).containsExactly("6");
    }

    /** One string per row (first column), read with plain JDBC on a connection without the settings. */
    protected List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static SoftDeleteException softDeleteCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SoftDeleteException e) {
                return e;
            }
        }
        throw new AssertionError("no SoftDeleteException in the cause chain of " + thrown, thrown);
    }
}
