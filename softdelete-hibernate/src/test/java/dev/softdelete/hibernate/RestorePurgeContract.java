package dev.softdelete.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.hibernate.delete.AlreadyDeletedException;
import dev.softdelete.hibernate.event.SoftDeleteEvent;
import dev.softdelete.hibernate.event.SoftDeleteListener;
import dev.softdelete.hibernate.listing.DeletedItem;
import dev.softdelete.hibernate.listing.DeletedItemsQuery;
import dev.softdelete.hibernate.model.Product;
import dev.softdelete.hibernate.model.ProductAsset;
import dev.softdelete.hibernate.model.Supplier;
import dev.softdelete.hibernate.purge.FuturePurgeCutoffException;
import dev.softdelete.hibernate.purge.EntityPurgeResult;
import dev.softdelete.hibernate.restore.NotDeletedException;
import dev.softdelete.hibernate.restore.RestoreConflictException;
import dev.softdelete.hibernate.restore.RestoreResult;
import dev.softdelete.hibernate.scope.SoftDeleteScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Restore with cascade and unique checks, deleted-items listing, purge, events, metrics, bad input. */
abstract class RestorePurgeContract extends HibernateDatabaseTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    void activeUniqueKeyOnSku() {
        softDelete.uniqueKeys().uniqueAmongActive("uq_products_sku", "products", "deleted_at", "sku")
                .forEach(db::execute);
        softDelete.addListener(new SoftDeleteListener() {
            @Override
            public void softDeleted(SoftDeleteEvent e) {
                events.add("deleted " + e.entity() + " " + e.id() + " by " + e.actor());
            }

            @Override
            public void restored(SoftDeleteEvent e) {
                events.add("restored " + e.entity() + " " + e.id());
            }

            @Override
            public void hardDeleted(SoftDeleteEvent e) {
                events.add("hard-deleted " + e.entity() + " " + e.id());
            }
        });
    }

    @BeforeEach
    void clearEvents() {
        events.clear();
    }

    /** The counter's value (meters live for the whole class, so tests compare before and after). */
    private double counter(String... tags) {
        // The sum over every counter with these tags (e.g. all entities of an operation).
        return meters.find("softdelete.operations").tags(tags).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    @Test
    void restoreBringsBackExactlyTheChildrenDeletedByTheSameOperation() {
        createProduct(1, "SKU-1");
        inTransaction(s -> s.remove(s.find(ProductAsset.class, 11L)));   // deleted on its own, earlier
        clock.advance(Duration.ofSeconds(30));
        inTransaction(s -> s.remove(s.find(Product.class, 1L)));         // cascades to asset 12, attribute 15
        assertThat(events).contains("deleted Product 1 by alice", "deleted ProductAsset 12 by alice");

        double restoredBefore = counter("entity", "Product", "operation", "restore", "outcome", "success");
        double assetsBefore = counter("entity", "ProductAsset", "operation", "restore", "outcome", "success");
        RestoreResult result = softDelete.restore(Product.class, 1L);

        assertThat(result.restoredChildren()).isEqualTo(2);
        assertThat(result.deletedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(count("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL AND deleted_by IS NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM product_assets WHERE id = 12 AND deleted_at IS NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM product_assets WHERE id = 11 AND deleted_at IS NOT NULL"))
                .as("deleted earlier on its own: stays deleted").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM product_attributes WHERE deleted_at IS NULL")).isEqualTo(1);
        inTransaction(s -> assertThat(s.find(Product.class, 1L).assets).extracting(a -> a.id).containsExactly(12L));
        assertThat(events).contains("restored Product 1");
        assertThat(counter("entity", "Product", "operation", "restore", "outcome", "success") - restoredBefore)
                .as("the product, counted under its entity").isEqualTo(1);
        assertThat(counter("entity", "ProductAsset", "operation", "restore", "outcome", "success") - assetsBefore)
                .as("children under their own entity, as for delete").isEqualTo(1);
        assertThat(core.auditLog().forTarget("ENTITY", "Product", 5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("RESTORE");
            assertThat(entry.actor()).isEqualTo("alice");
            assertThat(entry.details()).contains("\"ProductAttribute\":1");
        });
        assertThat(meters.find("softdelete.operations.duration").tags("operation", "restore").timer().count())
                .isPositive();
        assertThat(observations).as("one observation per API call, for tracing").anySatisfy(o -> {
            assertThat(o.getName()).isEqualTo("softdelete.operation");
            assertThat(o.getLowCardinalityKeyValue("entity").getValue()).isEqualTo("Product");
            assertThat(o.getLowCardinalityKeyValue("operation").getValue()).isEqualTo("restore");
            assertThat(o.getError()).isNull();
        });
        assertThat(counter("entity", "ProductAsset", "operation", "delete", "outcome", "success")).isPositive();
    }

    @Test
    void removeIsCountedAndTimedWhenItsTransactionEndsUnderEachRowsEntity() {
        createProduct(1, "SKU-1");
        createProduct(2, "SKU-2");
        double products = counter("entity", "Product", "operation", "delete", "outcome", "success");
        double assets = counter("entity", "ProductAsset", "operation", "delete", "outcome", "success");
        double failed = counter("entity", "Product", "operation", "delete", "outcome", "failure");
        var session = sessionFactory.openSession();
        try {
            session.getTransaction().begin();
            session.remove(session.find(Product.class, 1L));
            session.flush();
            assertThat(counter("entity", "Product", "operation", "delete", "outcome", "success") - products)
                    .as("nothing before the commit").isZero();
            session.getTransaction().rollback();
        } finally {
            session.close();
        }
        assertThat(counter("entity", "Product", "operation", "delete", "outcome", "success") - products)
                .as("a rolled-back remove() is no success").isZero();
        assertThat(counter("entity", "Product", "operation", "delete", "outcome", "failure") - failed).isEqualTo(1);

        inTransaction(s -> s.remove(s.find(Product.class, 2L)));
        assertThat(counter("entity", "Product", "operation", "delete", "outcome", "success") - products).isEqualTo(1);
        assertThat(counter("entity", "ProductAsset", "operation", "delete", "outcome", "success") - assets)
                .isEqualTo(2);
        assertThat(meters.find("softdelete.operations.duration").tags("entity", "Product", "operation", "delete",
                "outcome", "success").timer().count()).isPositive();
    }

    @Test
    void bulkAndNativeDeletesAreCountedByTheirRowsWhenTheTransactionEnds() {
        createProduct(1, "SKU-1");
        createProduct(2, "SKU-2");
        createProduct(3, "SKU-3");
        createProduct(4, "SKU-4");
        inTransaction(s -> s.remove(s.find(Product.class, 3L)));   // already deleted: not re-stamped, not counted
        double success = counter("entity", "Product", "operation", "delete", "outcome", "success");
        double failure = counter("entity", "Product", "operation", "delete", "outcome", "failure");

        var session = sessionFactory.openSession();
        try {
            session.getTransaction().begin();
            int rows = session.createMutationQuery("delete from Product p where p.id <= 3").executeUpdate();
            assertThat(rows).isEqualTo(2);
            assertThat(counter("entity", "Product", "operation", "delete", "outcome", "success") - success)
                    .as("nothing before the commit").isZero();
            session.getTransaction().rollback();
        } finally {
            session.close();
        }
        assertThat(counter("entity", "Product", "operation", "delete", "outcome", "failure") - failure)
                .as("a rolled-back bulk delete counts its rows as failures").isEqualTo(2);
        assertThat(counter("entity", "Product", "operation", "delete", "outcome", "success") - success).isZero();

        inTransaction(s -> s.createMutationQuery("delete from Product p where p.id <= 3").executeUpdate());
        assertThat(counter("entity", "Product", "operation", "delete", "outcome", "success") - success)
                .as("the two active rows the bulk delete soft-deleted").isEqualTo(2);
        inTransaction(s -> s.createNativeMutationQuery("DELETE FROM products WHERE id = 4").executeUpdate());
        assertThat(counter("entity", "Product", "operation", "delete", "outcome", "success") - success)
                .as("a native delete too").isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL")).isZero();
    }

    @Test
    void hardDeleteWritesTheAuditLog() {
        createProduct(1, "SKU-1");
        actor.set("bob");
        assertThat(softDelete.hardDelete(Product.class, 1L)).isEqualTo(4);
        assertThat(core.auditLog().forTarget("ENTITY", "Product", 5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("HARD_DELETE");
            assertThat(entry.actor()).isEqualTo("bob");
            assertThat(entry.details()).contains("\"ProductAsset\":2");
        });
        assertThat(counter("entity", "ProductAsset", "operation", "hard_delete", "outcome", "success"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDeletedKeyCanBeReusedAndRestoringItIsBlockedByTheActiveRow() {
        createProduct(1, "SKU-1");
        inTransaction(s -> s.remove(s.find(Product.class, 1L)));
        createProduct(2, "SKU-1");   // allowed: the unique key only covers active rows
        assertThatThrownBy(() -> createProduct(3, "SKU-1")).as("still unique among active rows")
                .isInstanceOf(RuntimeException.class);
        String before = snapshot();
        double conflictsBefore = counter("operation", "restore", "outcome", "conflict");

        assertThatThrownBy(() -> softDelete.restore(Product.class, 1L))
                .isInstanceOfSatisfying(RestoreConflictException.class, e -> {
                    assertThat(e.constraint()).isEqualToIgnoringCase("uq_products_sku");
                    assertThat(e.columns()).containsExactly("sku");
                    assertThat(((Number) e.conflictingId()).longValue()).isEqualTo(2L);
                })
                .hasMessageContainingAll("Product 1", "active row 2").message().containsIgnoringCase("uq_products_sku");
        assertThat(snapshot()).as("nothing restored, not even children").isEqualTo(before);
        assertThat(counter("operation", "restore", "outcome", "conflict") - conflictsBefore).isEqualTo(1);

        softDelete.hardDelete(Product.class, 2L);
        assertThat(softDelete.restore(Product.class, 1L).restoredChildren()).isEqualTo(3);
    }

    @Test
    void badInputThrowsClearlyAndChangesNothing() {
        createProduct(1, "SKU-1");
        createProduct(2, "SKU-2");
        inTransaction(s -> s.remove(s.find(Product.class, 2L)));
        String before = snapshot();
        events.clear();

        assertThatThrownBy(() -> softDelete.restore(Product.class, 1L)).isInstanceOf(NotDeletedException.class)
                .hasMessageContaining("Product 1").hasMessageContaining("not deleted");
        assertThatThrownBy(() -> softDelete.restore(Product.class, 99L)).isInstanceOf(RowNotFoundException.class)
                .hasMessageContaining("99");
        assertThatThrownBy(() -> softDelete.softDelete(Product.class, 99L)).isInstanceOf(RowNotFoundException.class);
        assertThatThrownBy(() -> softDelete.hardDelete(Product.class, 99L)).isInstanceOf(RowNotFoundException.class);
        assertThatThrownBy(() -> softDelete.softDelete(Product.class, 2L)).isInstanceOf(AlreadyDeletedException.class);
        assertThatThrownBy(() -> softDelete.purge(Product.class, clock.instant().plusSeconds(1)))
                .isInstanceOf(FuturePurgeCutoffException.class).hasMessageContaining("after now");
        assertThatThrownBy(() -> softDelete.restore(Supplier.class, 1L)).isInstanceOf(NotSoftDeletableException.class)
                .hasMessageContaining("Supplier").hasMessageContaining("@SoftDeletable");
        assertThatThrownBy(() -> softDelete.purge(Supplier.class, T0)).isInstanceOf(NotSoftDeletableException.class);
        assertThatThrownBy(() -> softDelete.deletedItems(Supplier.class, DeletedItemsQuery.page(0, 5)))
                .isInstanceOf(NotSoftDeletableException.class);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(events).isEmpty();
    }

    @Test
    void softDeleteByIdCascadesWithOneOperationAndRestoresAsOne() {
        createProduct(1, "SKU-1");
        actor.set("carol");
        assertThat(softDelete.softDelete(Product.class, 1L)).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM product_assets WHERE deleted_by = 'carol'")).isEqualTo(2);
        inTransaction(s -> assertThat(s.find(Product.class, 1L)).isNull());
        assertThat(softDelete.restore(Product.class, 1L).restoredChildren()).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM product_assets WHERE deleted_at IS NULL")).isEqualTo(2);
    }

    @Test
    void restoresAnEntityInstanceLoadedFromTheDeletedScope() {
        createProduct(1, "SKU-1");
        inTransaction(s -> s.remove(s.find(Product.class, 1L)));
        Product deleted = fromTransaction(s -> SoftDeleteScope.onlyDeleted(s, () -> s.find(Product.class, 1L)));
        softDelete.restore(deleted);
        inTransaction(s -> assertThat(s.find(Product.class, 1L)).isNotNull());
    }

    @Test
    void listsDeletedItemsWithPagingAndDeletedBeforeAfterFilters() {
        for (int i = 1; i <= 5; i++) {
            createProduct(i, "SKU-" + i);
        }
        for (long i = 1; i <= 5; i++) {
            long id = i;
            clock.set(T0.plus(Duration.ofDays(i)));
            inTransaction(s -> s.remove(s.find(Product.class, id)));
        }
        var first = softDelete.deletedItems(Product.class, DeletedItemsQuery.page(0, 2));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(i -> ((Number) i.id()).longValue()).containsExactly(5L, 4L);
        assertThat(first.hasNext()).isTrue();
        var last = softDelete.deletedItems(Product.class, DeletedItemsQuery.page(2, 2));
        assertThat(last.items()).extracting(DeletedItem::deletedAt).containsExactly(T0.plus(Duration.ofDays(1)));
        assertThat(last.hasNext()).isFalse();
        var window = softDelete.deletedItems(Product.class, DeletedItemsQuery.page(0, 10)
                .deletedAfter(T0.plus(Duration.ofDays(2))).deletedBefore(T0.plus(Duration.ofDays(4))));
        assertThat(window.total()).isEqualTo(2);
        assertThat(window.items()).extracting(i -> ((Number) i.id()).longValue()).containsExactly(3L, 2L);
        assertThat(window.items()).allSatisfy(i -> assertThat(i.deletedBy()).isEqualTo("alice"));
    }

    @Test
    void purgeRemovesOldDeletionsChildrenFirstInBatches() {
        for (int i = 1; i <= 6; i++) {
            createProduct(i, "SKU-" + i);
        }
        for (long id = 1; id <= 5; id++) {
            long p = id;
            inTransaction(s -> s.remove(s.find(Product.class, p)));
        }
        clock.advance(Duration.ofDays(10));
        inTransaction(s -> s.remove(s.find(Product.class, 6L)));   // deleted after the cutoff: kept
        events.clear();
        double purgedBefore = counter("operation", "purge", "outcome", "success");

        EntityPurgeResult result = softDelete.purge(Product.class, T0.plus(Duration.ofDays(1)), 2);

        assertThat(result.rowsByEntity()).isEqualTo(Map.of("Product", 5L, "ProductAsset", 10L, "ProductAttribute", 5L));
        assertThat(result.batches()).as("batches of 2: assets 5, attributes 3, products 3").isEqualTo(11);
        assertThat(result.skipped()).isZero();
        assertThat(count("SELECT COUNT(*) FROM products")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM product_assets")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM product_attributes")).isEqualTo(1);
        assertThat(events).as("a purge is a run, not per-row events").isEmpty();
        assertThat(counter("operation", "purge", "outcome", "success") - purgedBefore).isEqualTo(20);
        assertThat(counter("entity", "ProductAsset", "operation", "purge", "outcome", "success"))
                .as("children counted under their own entity").isGreaterThanOrEqualTo(10);
        var run = core.runRegistry().require(result.runId());
        assertThat(run.kind()).isEqualTo(dev.softdelete.core.registry.RunKind.PURGE);
        assertThat(run.status()).isEqualTo(dev.softdelete.core.registry.RunStatus.COMPLETED);
        assertThat(core.auditLog().forTarget("ENTITY", "Product", 5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("PURGE");
            assertThat(entry.runId()).isEqualTo(result.runId());
            assertThat(entry.actor()).isEqualTo("alice");
            assertThat(entry.details()).contains("ProductAsset");
        });
    }

    @Test
    void purgeSkipsAnExpiredRowThatAnActiveChildReferencesTogetherWithItsExpiredChildren() {
        createProduct(1, "SKU-1");
        createProduct(2, "SKU-2");
        inTransaction(s -> s.remove(s.find(Product.class, 1L)));
        inTransaction(s -> s.remove(s.find(Product.class, 2L)));
        // Product 2's attribute is active again (restored on its own): product 2 cannot go.
        db.execute("UPDATE product_attributes SET deleted_at = NULL WHERE id = 25");
        clock.advance(Duration.ofDays(2));

        EntityPurgeResult result = softDelete.purge(Product.class, T0.plus(Duration.ofDays(1)));

        assertThat(result.rowsByEntity()).isEqualTo(Map.of("Product", 1L, "ProductAsset", 2L, "ProductAttribute", 1L));
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM product_assets WHERE product_id = 2")).as("kept with their parent")
                .isEqualTo(2);
        RestoreResult restored = softDelete.restore(Product.class, 2L);
        assertThat(restored.restoredChildren()).as("a later restore is complete").isEqualTo(2);
    }

    @Test
    void aRestoreCommittedWhilePurgeRunsSurvives() throws Exception {
        for (int i = 1; i <= 3; i++) {
            createProduct(i, "SKU-" + i);
            long p = i;
            inTransaction(s -> s.remove(s.find(Product.class, p)));
        }
        clock.advance(Duration.ofDays(2));
        var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (var restoring = dataSource().getConnection()) {
            // A restore of product 2 and its children, holding its row locks until it commits.
            restoring.setAutoCommit(false);
            try (var st = restoring.createStatement()) {
                st.executeUpdate("UPDATE product_assets SET deleted_at = NULL, deleted_by = NULL WHERE product_id = 2");
                st.executeUpdate("UPDATE product_attributes SET deleted_at = NULL WHERE product_id = 2");
                st.executeUpdate("UPDATE products SET deleted_at = NULL, deleted_by = NULL WHERE id = 2");
            }
            var purge = executor.submit(() -> softDelete.purge(Product.class, T0.plus(Duration.ofDays(1)), 1));
            // Either interleaving must keep product 2: the purge reads the rows before the commit and
            // waits on their locks, or it starts after the commit. Give it the chance to block.
            Thread.sleep(300);
            restoring.commit();
            EntityPurgeResult result = purge.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(result.rows()).isEqualTo(2);
        } finally {
            executor.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM products WHERE id = 2 AND deleted_at IS NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM product_assets WHERE product_id = 2 AND deleted_at IS NULL"))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM products")).isEqualTo(1);
    }

    @Test
    void purgeKeepsRowsDeletedAfterTheCutoff() {
        createProduct(1, "SKU-1");
        createProduct(2, "SKU-2");
        inTransaction(s -> s.remove(s.find(Product.class, 1L)));
        clock.advance(Duration.ofDays(10));
        inTransaction(s -> s.remove(s.find(Product.class, 2L)));
        Instant cutoff = T0.plus(Duration.ofDays(5));
        assertThat(softDelete.purge(Product.class, cutoff).rows()).isEqualTo(1);
        assertThat(softDelete.deletedItems(Product.class, DeletedItemsQuery.page(0, 10)).items())
                .extracting(i -> ((Number) i.id()).longValue()).containsExactly(2L);
    }

    @Test
    void uniqueKeyHelperEmitsWorkingDdlForThisDatabase() {
        var ddl = softDelete.uniqueKeys();
        ddl.activeLookupIndex("ix_products_name_active", "products", "deleted_at", "name").forEach(db::execute);
        var key = core.catalog().require("products").uniqueKeys().stream()
                .filter(k -> k.name().equalsIgnoreCase("uq_products_sku")).findFirst().orElseThrow();
        if (dialect().supportsPartialIndex()) {
            assertThat(key.columns()).map(String::toLowerCase).containsExactly("sku");
            assertThat(key.filterCondition()).containsIgnoringCase("deleted_at IS NULL");
        } else {
            assertThat(key.columns()).map(String::toLowerCase).containsExactly("sku", "sd_active");
        }
        createProduct(1, "SKU-1");
        inTransaction(s -> assertThat(s.createQuery("select p.id from Product p where p.name = :n", Long.class)
                .setParameter("n", "Product 1").getResultList()).containsExactly(1L));
    }

    /** Every row of the catalogue tables, to prove an operation changed nothing. */
    private String snapshot() {
        StringBuilder out = new StringBuilder();
        for (String sql : List.of("SELECT id, sku, deleted_at, deleted_by FROM products ORDER BY id",
                "SELECT id, deleted_at, deleted_by FROM product_assets ORDER BY id",
                "SELECT id, deleted_at FROM product_attributes ORDER BY id")) {
            try (var c = dataSource().getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        out.append(rs.getString(i)).append('|');
                    }
                    out.append('\n');
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }
}
