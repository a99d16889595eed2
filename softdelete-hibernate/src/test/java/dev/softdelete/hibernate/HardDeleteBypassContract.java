package dev.softdelete.hibernate;

import static dev.softdelete.hibernate.HostileActorContract.softDeleteCause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.hibernate.model.Product;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 7: native SQL that would hard-delete rows of a {@code @SoftDeletable} table is
 * softened into the soft-delete UPDATE when it can be (a plain {@code DELETE ... WHERE}, however
 * the table name is written), and refused otherwise ({@code TRUNCATE}, {@code MERGE ... DELETE}),
 * naming the table and the deliberate way to hard-delete. Rows: products 1, 2, 3 (no children).
 */
abstract class HardDeleteBypassContract extends HibernateDatabaseTest {

    /** Whether the database has {@code MERGE INTO ... WHEN MATCHED THEN DELETE} (MariaDB has not). */
    protected abstract boolean supportsMergeDelete();

    @BeforeEach
    void threeProducts() {
        inTransaction(s -> {
            s.persist(new Product(1, "SKU-1", "one"));
            s.persist(new Product(2, "SKU-2", "two"));
            s.persist(new Product(3, "SKU-3", "three"));
        });
    }

    private void softens(String nativeDelete) {
        int changed = fromTransaction(s -> s.createNativeMutationQuery(nativeDelete).executeUpdate());
        assertThat(changed).as(nativeDelete).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM products")).as("no row removed by " + nativeDelete).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM products WHERE deleted_at IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM products WHERE id = 2 AND deleted_at IS NOT NULL AND deleted_by = 'alice'"))
                .as("exactly row 2, by the actor").isEqualTo(1);
        assertThat(softDelete.deletedItems(Product.class, dev.softdelete.hibernate.listing.DeletedItemsQuery.page(0, 5))
                .items()).singleElement().satisfies(item -> assertThat(item.deletedAt()).isEqualTo(T0));
    }

    private void refuses(String nativeStatement) {
        assertThatThrownBy(() -> inTransaction(s -> s.createNativeMutationQuery(nativeStatement).executeUpdate()))
                .satisfies(e -> assertThat(softDeleteCause(e)).as("a SoftDeleteException in %s", e)
                        .hasMessageContaining("products").hasMessageContaining("hardDelete"));
        assertThat(count("SELECT COUNT(*) FROM products")).as("nothing removed by " + nativeStatement).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM products WHERE deleted_at IS NOT NULL")).isZero();
    }

    @Test
    void aDeleteWithTheTableNameQuotedIsSoftened() {
        softens("delete from " + dialect().quote("products") + " where id = 2");
    }

    @Test
    void aDeleteWithASchemaQualifiedQuotedNameIsSoftened() {
        softens("DELETE FROM " + dialect().quote(db.schemaName()) + "." + dialect().quote("products") + " WHERE id = 2");
    }

    @Test
    void aDeleteWithASchemaQualifiedNameAliasAndUpperCaseIsSoftened() {
        softens("DELETE FROM " + db.schemaName() + ".products AS P WHERE P.id = 2");
    }

    @Test
    void aDeleteAfterACommentIsSoftened() {
        softens("/* cleanup */ -- really\n delete\n from\tproducts where (id = 2)");
    }

    @Test
    void aDeleteWhoseConditionHoldsKeywordsInStringsIsSoftened() {
        softens("delete from products where id = 2 or sku = 'x; truncate table products; delete from \"products\"'");
    }

    @Test
    void truncateOfASoftDeletableTableIsRefused() {
        refuses("truncate table products");
        refuses("TRUNCATE " + dialect().quote("products"));
    }

    @Test
    void mergeThatDeletesFromASoftDeletableTableIsRefused() {
        if (!supportsMergeDelete()) {
            return;
        }
        refuses("MERGE INTO " + dialect().quote("products") + " t USING (SELECT 2 AS id) s ON (t.id = s.id)"
                + " WHEN MATCHED THEN DELETE");
    }

    @Test
    void aDeleteThatCannotBeSoftenedIsRefused() {
        refuses("with doomed as (select 2 as id) delete from \"products\" where id in (select id from doomed)"
                .replace("\"products\"", dialect().quote("products")));
    }

    @Test
    void statementsOnOtherTablesAndTheDeliberateHardDeletePathsStillWork() {
        inTransaction(s -> s.createNativeMutationQuery("insert into suppliers (id, name) values (1, 'acme')")
                .executeUpdate());
        int removed = fromTransaction(s -> s.createNativeMutationQuery("delete from suppliers where id = 1")
                .executeUpdate());
        assertThat(removed).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM suppliers")).isZero();

        assertThat(softDelete.hardDelete(Product.class, 1L)).isEqualTo(1);
        inTransaction(s -> s.remove(s.find(Product.class, 2L)));
        clock.advance(java.time.Duration.ofDays(1));
        assertThat(softDelete.purge(Product.class, clock.instant()).rows()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM products")).isEqualTo(1);
    }

}
