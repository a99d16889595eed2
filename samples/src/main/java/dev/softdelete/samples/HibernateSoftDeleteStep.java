package dev.softdelete.samples;

import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.hibernate.SoftDeleteSettings;
import dev.softdelete.hibernate.listing.DeletedItem;
import dev.softdelete.hibernate.listing.DeletedItemsQuery;
import dev.softdelete.hibernate.restore.RestoreConflictException;
import dev.softdelete.hibernate.restore.RestoreResult;
import dev.softdelete.hibernate.scope.SoftDeleteScope;
import dev.softdelete.samples.catalogue.CatalogueAsset;
import dev.softdelete.samples.catalogue.CatalogueAssetLink;
import dev.softdelete.samples.catalogue.CatalogueAttribute;
import dev.softdelete.samples.catalogue.CatalogueProduct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Hibernate soft delete: remove() marks rows, queries hide them, a deleted-items listing, a restore
 * blocked by a unique key, and a cascade restore that brings back exactly what one delete took.
 */
final class HibernateSoftDeleteStep implements DemoStep {

    private static final String PRODUCT_ROWS = "SELECT id, sku, deleted_at, deleted_by FROM products WHERE id IN (%s)"
            + " ORDER BY id";

    @Override
    public String title() {
        return "Hibernate soft delete: one annotation, the whole lifecycle";
    }

    @Override
    public void run(DemoContext ctx) throws Exception {
        var out = ctx.out();
        try (SessionFactory sf = sessionFactory(ctx)) {
            HibernateSoftDelete softDelete = HibernateSoftDelete.of(sf);
            List<String> ddl = softDelete.uniqueKeys().uniqueAmongActive("uq_products_sku", "products", "deleted_at",
                    "sku");
            out.say("@SoftDeletable on CatalogueProduct, its attributes and asset links; no SQL written by hand.");
            out.say("SKUs must be unique among active products only (DDL from softDelete.uniqueKeys()):");
            for (String statement : ddl) {
                out.say("  %s", statement);
                ctx.softDelete().jdbc().withConnection(c -> c.createStatement().execute(statement));
            }

            out.say("");
            out.say("1. em.remove(product 3) issues an UPDATE; its attribute and asset link follow (cascade):");
            sf.inTransaction(s -> s.remove(s.find(CatalogueProduct.class, 3L)));
            ctx.show(String.format(PRODUCT_ROWS, "2, 3, 4"));
            ctx.show("SELECT 'attribute' AS child, id, deleted_at, deleted_by FROM product_attributes WHERE product_id = 3"
                    + " UNION ALL SELECT 'asset link', id, deleted_at, deleted_by FROM product_assets WHERE product_id = 3");
            long visible = sf.fromTransaction(s -> s.createSelectionQuery("select count(*) from CatalogueProduct",
                    Long.class).getSingleResult());
            long all = sf.fromTransaction(s -> SoftDeleteScope.includeDeleted(s, () -> s.createSelectionQuery(
                    "select count(*) from CatalogueProduct", Long.class).getSingleResult()));
            out.say("HQL sees %d products; inside SoftDeleteScope.includeDeleted it sees %d; find(3) gives %s.",
                    visible, all, sf.fromTransaction(s -> s.find(CatalogueProduct.class, 3L)));

            out.say("");
            out.say("2. Deleted items: two more deletions later on, then softDelete.deletedItems(page 0, size 10):");
            ctx.clock().advance(Duration.ofHours(2));
            sf.inTransaction(s -> s.remove(s.find(CatalogueProduct.class, 5L)));
            ctx.clock().advance(Duration.ofHours(1));
            sf.inTransaction(s -> s.createMutationQuery("delete from CatalogueProduct p where p.sku = 'SKU-009'")
                    .executeUpdate());
            out.say("(the second one is a bulk HQL delete: it stays soft too)");
            var page = softDelete.deletedItems(CatalogueProduct.class, DeletedItemsQuery.page(0, 10));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("id", "deleted at (UTC)", "deleted by"));
            for (DeletedItem item : page.items()) {
                rows.add(List.of(String.valueOf(item.id()), String.valueOf(item.deletedAt()), item.deletedBy()));
            }
            out.table(rows);
            out.say("%d deleted in total.", page.total());

            out.say("");
            out.say("3. A new product takes SKU-003, then restoring product 3 is blocked:");
            sf.inTransaction(s -> s.persist(new CatalogueProduct(21, "SKU-003", "Product 3 (new)",
                    SampleData.NOW)));
            try {
                softDelete.restore(CatalogueProduct.class, 3L);
            } catch (RestoreConflictException e) {
                out.say("RestoreConflictException: %s", e.getMessage());
            }
            ctx.show(String.format(PRODUCT_ROWS, "3, 21"));

            out.say("");
            out.say("4. Cascade restore: product 7 loses one attribute on its own, later the product is removed.");
            sf.inTransaction(s -> {
                CatalogueProduct p = s.find(CatalogueProduct.class, 7L);
                new CatalogueAttribute(107, p, "size", "XL");
                s.persist(p.attributes.get(p.attributes.size() - 1));
            });
            ctx.clock().advance(Duration.ofMinutes(10));
            sf.inTransaction(s -> {
                CatalogueProduct p = s.find(CatalogueProduct.class, 7L);
                p.attributes.removeIf(a -> a.id == 107L);   // orphan removal: a soft delete of its own
            });
            ctx.clock().advance(Duration.ofMinutes(10));
            sf.inTransaction(s -> s.remove(s.find(CatalogueProduct.class, 7L)));
            String children = "SELECT 'attribute' AS child, id, attr_key, deleted_at FROM product_attributes"
                    + " WHERE product_id = 7 UNION ALL SELECT 'asset link', id, NULL, deleted_at FROM product_assets"
                    + " WHERE product_id = 7 ORDER BY 2";
            ctx.show(children);
            RestoreResult restored = softDelete.restore(CatalogueProduct.class, 7L);
            out.say("softDelete.restore(product 7): restored %d children deleted by the same operation (%s):",
                    restored.restoredChildren(), restored.deletedAt());
            ctx.show(children);
            out.say("Attribute 107 stays deleted: it was removed on its own, before the product.");
        }
    }

    private static SessionFactory sessionFactory(DemoContext ctx) {
        // Route Hibernate's logging through SLF4J (logback.xml) instead of JUL's INFO lines.
        System.setProperty("org.jboss.logging.provider", System.getProperty("org.jboss.logging.provider", "slf4j"));
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ctx.dataSource())
                .applySetting(SoftDeleteSettings.CORE, ctx.softDelete())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .build();
        return new MetadataSources(registry)
                .addAnnotatedClasses(CatalogueProduct.class, CatalogueAttribute.class, CatalogueAssetLink.class,
                        CatalogueAsset.class)
                .buildMetadata().buildSessionFactory();
    }
}
