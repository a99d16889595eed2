package dev.softdelete.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.hibernate.model.Document;
import dev.softdelete.hibernate.model.Invoice;
import dev.softdelete.hibernate.model.Note;
import dev.softdelete.hibernate.model.Product;
import dev.softdelete.hibernate.model.ProductAsset;
import dev.softdelete.hibernate.model.ProductAttribute;
import dev.softdelete.hibernate.model.Car;
import dev.softdelete.hibernate.model.Vehicle;
import dev.softdelete.hibernate.scope.SoftDeleteScope;
import dev.softdelete.hibernate.scope.Visibility;
import java.time.Duration;
import org.hibernate.FetchNotFoundException;
import org.junit.jupiter.api.Test;

/** remove() soft-deletes, deleted rows are hidden everywhere, scopes show them again. */
abstract class SoftDeleteLifecycleContract extends HibernateDatabaseTest {

    @Test
    void everySoftDeletableEntityIsDeclaredToTheCoreAsMapped() {
        // One model: runs, purge and the JDBC proxy read the same description Hibernate writes by.
        assertThat(core.tables().find("products"))
                .contains(new SoftDeletableTable("products", "id", "deleted_at", "deleted_by"));
        assertThat(core.tables().find("notes")).as("custom marker column, no deleted-by column")
                .contains(new SoftDeletableTable("notes", "id", "removed_at", null));
        assertThat(core.tables().find("product_attributes").orElseThrow().deletedBy()).isEmpty();
        assertThat(core.tables().all()).extracting(SoftDeletableTable::table).as("roots only: not cars, suppliers")
                .containsExactlyInAnyOrder("products", "product_assets", "product_attributes", "notes", "documents",
                        "vehicles");
    }

    @Test
    void removeMarksTheRowAndItsCascadeChildrenWithOneOperation() {
        createProduct(1, "SKU-1");
        inTransaction(s -> s.remove(s.find(Product.class, 1L)));

        assertThat(count("SELECT COUNT(*) FROM products")).as("row kept").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM products WHERE deleted_at IS NOT NULL AND deleted_by = 'alice'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM product_assets WHERE deleted_at IS NOT NULL AND deleted_by = 'alice'"))
                .as("orphan-removal/cascade children marked").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM product_attributes WHERE deleted_at IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(DISTINCT deleted_at) FROM (SELECT deleted_at FROM products UNION ALL"
                + " SELECT deleted_at FROM product_assets UNION ALL SELECT deleted_at FROM product_attributes) x"))
                .as("one operation instant").isEqualTo(1);
        var page = softDelete.deletedItems(Product.class, dev.softdelete.hibernate.listing.DeletedItemsQuery.page(0, 10));
        assertThat(page.items()).singleElement().satisfies(item -> {
            assertThat(item.deletedAt()).as("clock instant, stored as UTC").isEqualTo(T0);
            assertThat(item.deletedBy()).isEqualTo("alice");
        });
    }

    @Test
    void deletedRowsAreHiddenFromQueriesFindReferenceAndCollections() {
        createProduct(1, "SKU-1");
        createProduct(2, "SKU-2");
        inTransaction(s -> s.remove(s.find(Product.class, 2L)));
        inTransaction(s -> s.remove(s.find(ProductAsset.class, 11L)));

        inTransaction(s -> {
            assertThat(s.createQuery("select p.sku from Product p", String.class).getResultList())
                    .containsExactly("SKU-1");
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(Product.class);
            q.select(q.from(Product.class));
            assertThat(s.createQuery(q).getResultList()).extracting(p -> p.id).containsExactly(1L);
            assertThat(s.find(Product.class, 2L)).isNull();
            assertThat(s.find(Product.class, 1L).assets).extracting(a -> a.id).containsExactly(12L);
            assertThat(s.createNativeQuery("select count(*) from products", Long.class).getSingleResult())
                    .as("native SQL is not filtered").isEqualTo(2L);
        });
        inTransaction(s -> assertThatThrownBy(() -> org.hibernate.Hibernate.initialize(s.getReference(Product.class, 2L)))
                .isInstanceOf(org.hibernate.ObjectNotFoundException.class));
    }

    @Test
    void aToOneReferenceToADeletedRowFailsLoudlyUnlessDeletedRowsAreIncluded() {
        createProduct(1, "SKU-1");
        // The attribute stays active while its product is deleted on its own (no cascade by id).
        db.execute("UPDATE products SET deleted_at = CURRENT_TIMESTAMP WHERE id = 1");
        inTransaction(s -> assertThatThrownBy(() -> s.find(ProductAttribute.class, 15L))
                .isInstanceOf(FetchNotFoundException.class).hasMessageContaining("Product"));
        inTransaction(s -> assertThatThrownBy(() -> s.createQuery("from ProductAttribute", ProductAttribute.class)
                .getResultList()).isInstanceOf(FetchNotFoundException.class));
        inTransaction(s -> {
            ProductAttribute attribute = SoftDeleteScope.includeDeleted(s, () -> s.find(ProductAttribute.class, 15L));
            assertThat(attribute.product.id).isEqualTo(1L);
        });
        // A lazy to-one gives a proxy; initializing it fails the same way as getReference().
        inTransaction(s -> {
            ProductAsset asset = s.find(ProductAsset.class, 11L);
            assertThatThrownBy(() -> org.hibernate.Hibernate.initialize(asset.product))
                    .isInstanceOf(org.hibernate.ObjectNotFoundException.class);
        });
    }

    @Test
    void scopesIncludeOrOnlyShowDeletedRowsAndRestoreThePreviousStateEvenOnException() {
        createProduct(1, "SKU-1");
        createProduct(2, "SKU-2");
        inTransaction(s -> s.remove(s.find(Product.class, 2L)));
        inTransaction(s -> {
            String hql = "select p.id from Product p order by p.id";
            assertThat(SoftDeleteScope.includeDeleted(s, () -> s.createQuery(hql, Long.class).getResultList()))
                    .containsExactly(1L, 2L);
            assertThat(SoftDeleteScope.onlyDeleted(s, () -> s.createQuery(hql, Long.class).getResultList()))
                    .containsExactly(2L);
            assertThat(SoftDeleteScope.includeDeleted(s, () -> SoftDeleteScope.activeOnly(s,
                    () -> s.createQuery(hql, Long.class).getResultList()))).containsExactly(1L);
            assertThatThrownBy(() -> SoftDeleteScope.onlyDeleted(s, () -> {
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(SoftDeleteScope.current(s)).isEqualTo(Visibility.ACTIVE);
            assertThat(s.createQuery(hql, Long.class).getResultList()).containsExactly(1L);
            assertThat(SoftDeleteScope.onlyDeleted(s, () -> s.find(Product.class, 2L).sku)).isEqualTo("SKU-2");
        });
    }

    @Test
    void bulkHqlDeleteStaysSoftAndHardDeleteIsExplicit() {
        createProduct(1, "SKU-1");
        createProduct(2, "SKU-2");
        clock.advance(Duration.ofMinutes(1));
        int deleted = fromTransaction(s -> s.createMutationQuery("delete from ProductAttribute a where a.key = :k")
                .setParameter("k", "colour").executeUpdate());
        assertThat(deleted).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM product_attributes")).as("rows kept").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM product_attributes WHERE deleted_at IS NULL")).isZero();
        int again = fromTransaction(s -> s.createMutationQuery("delete from ProductAttribute").executeUpdate());
        assertThat(again).as("already deleted rows are not re-stamped").isZero();

        assertThat(softDelete.hardDelete(Product.class, 1L)).as("product, 2 assets, 1 attribute").isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM products")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM product_assets")).isEqualTo(2);
    }

    @Test
    void versionedEntitiesAreSoftDeletedWithTheirVersionChecked() {
        inTransaction(s -> s.persist(new Note(1, "hello")));
        inTransaction(s -> {
            Note note = s.find(Note.class, 1L);
            note.body = "changed";
            s.flush();
            s.remove(note);
        });
        assertThat(count("SELECT COUNT(*) FROM notes WHERE removed_at IS NOT NULL AND version = 1")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM notes WHERE removed_at = " + zonedLiteral(T0)))
                .as("a time-zone-aware marker holds the clock's instant, whatever the JVM zone").isEqualTo(1);
        assertThat(softDelete.deletedItems(Note.class, dev.softdelete.hibernate.listing.DeletedItemsQuery.page(0, 5))
                .items()).extracting(i -> i.deletedAt()).containsExactly(T0);
        inTransaction(s -> s.persist(new Note(2, "stale")));
        assertThatThrownBy(() -> inTransaction(s -> {
            Note note = s.find(Note.class, 2L);
            db.execute("UPDATE notes SET version = version + 1 WHERE id = 2");
            s.remove(note);
        })).isInstanceOf(jakarta.persistence.OptimisticLockException.class);
        assertThat(count("SELECT COUNT(*) FROM notes WHERE id = 2 AND removed_at IS NULL")).isEqualTo(1);
    }

    @Test
    void singleTableAndJoinedInheritanceAreSoftDeleted() {
        inTransaction(s -> {
            s.persist(new Document(1, "memo"));
            s.persist(new Invoice(2, "inv", 100));
            s.persist(new Vehicle(3, "AB-1"));
            s.persist(new Car(4, "CD-2", 5));
        });
        inTransaction(s -> {
            s.remove(s.find(Invoice.class, 2L));
            s.remove(s.find(Car.class, 4L));
        });
        assertThat(count("SELECT COUNT(*) FROM documents WHERE deleted_at IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM vehicles WHERE deleted_at IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM cars")).as("subclass row kept").isEqualTo(1);
        inTransaction(s -> {
            assertThat(s.createQuery("from Document", Document.class).getResultList()).extracting(d -> d.id)
                    .containsExactly(1L);
            assertThat(s.createQuery("from Invoice", Invoice.class).getResultList()).isEmpty();
            assertThat(s.createQuery("from Vehicle", Vehicle.class).getResultList()).extracting(v -> v.id)
                    .containsExactly(3L);
            assertThat(s.createQuery("from Car", Car.class).getResultList()).isEmpty();
            assertThat(s.find(Car.class, 4L)).isNull();
        });
        softDelete.restore(Car.class, 4L);
        inTransaction(s -> assertThat(s.find(Car.class, 4L).seats).isEqualTo(5));
    }

    @Test
    void actorComesFromTheActorProvider() {
        createProduct(1, "SKU-1");
        actor.set("bob");
        inTransaction(s -> s.remove(s.find(Product.class, 1L)));
        assertThat(count("SELECT COUNT(*) FROM product_assets WHERE deleted_by = 'bob'")).isEqualTo(2);
        actor.set("o'brien \\ x");
        createProduct(2, "SKU-2");
        inTransaction(s -> s.remove(s.find(Product.class, 2L)));
        assertThat(softDelete.deletedItems(Product.class, dev.softdelete.hibernate.listing.DeletedItemsQuery.page(0, 10))
                .items()).extracting(i -> i.deletedBy()).contains("o'brien \\ x");
    }
}
