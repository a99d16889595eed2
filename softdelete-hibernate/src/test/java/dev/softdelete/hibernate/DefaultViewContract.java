package dev.softdelete.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.hibernate.model.Product;
import dev.softdelete.hibernate.model.ProductAsset;
import dev.softdelete.hibernate.model.ProductAttribute;
import dev.softdelete.hibernate.model.Shelf;
import dev.softdelete.hibernate.scope.SoftDeleteScope;
import java.util.List;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default view is a restriction in the mapping (Hibernate caches its plans); scopes rewrite it in
 * the SQL. Joins, fetch joins, subqueries, to-one references, the second-level and query caches, and
 * one query executed in several scopes.
 */
abstract class DefaultViewContract extends HibernateDatabaseTest {

    @Override
    protected void createExtraSchema(String timestampType) {
        db.execute("CREATE TABLE shelves (id BIGINT PRIMARY KEY, label VARCHAR(40), deleted_at " + timestampType + ")");
    }

    @Override
    protected Class<?>[] extraEntities() {
        return new Class<?>[] {Shelf.class};
    }

    @Override
    protected void configure(StandardServiceRegistryBuilder builder) {
        builder.applySetting(AvailableSettings.USE_SECOND_LEVEL_CACHE, true)
                .applySetting(AvailableSettings.USE_QUERY_CACHE, true)
                .applySetting(AvailableSettings.CACHE_REGION_FACTORY, new MapRegionFactory())
                .applySetting(AvailableSettings.GENERATE_STATISTICS, true);
    }

    @BeforeEach
    void emptyShelvesAndCaches() {
        db.execute("DELETE FROM shelves");
        sessionFactory.getCache().evictAllRegions();
    }

    /** Products 1 and 2 with assets; product 2 deleted on its own (its assets stay active); asset 11 removed. */
    private void catalogue() {
        createProduct(1, "SKU-1");
        createProduct(2, "SKU-2");
        createProduct(3, "SKU-3");
        db.execute("UPDATE products SET deleted_at = CURRENT_TIMESTAMP WHERE id = 2");
        inTransaction(s -> s.remove(s.find(ProductAsset.class, 11L)));
        db.execute("UPDATE product_assets SET deleted_at = CURRENT_TIMESTAMP WHERE product_id = 3");
    }

    @Test
    void theDefaultViewEnablesNoFilterAndItsQueryPlansAreCached() {
        catalogue();
        String hql = "select p.id from Product p where p.sku like :sku order by p.id";
        inTransaction(s -> assertThat(s.unwrap(org.hibernate.engine.spi.SessionImplementor.class)
                .getLoadQueryInfluencers().hasEnabledFilters()).isFalse());
        sessionFactory.getStatistics().clear();
        for (int i = 0; i < 3; i++) {
            inTransaction(s -> assertThat(s.createQuery(hql, Long.class).setParameter("sku", "SKU-%").getResultList())
                    .containsExactly(1L, 3L));
        }
        assertThat(sessionFactory.getStatistics().getQueryPlanCacheHitCount()).as("plan reused").isGreaterThanOrEqualTo(2);
    }

    @Test
    void oneQueryExecutedInEachScopeOfOneSessionSeesThatScope() {
        catalogue();
        inTransaction(s -> {
            var query = s.createQuery("select p.id from Product p order by p.id", Long.class);
            assertThat(query.getResultList()).containsExactly(1L, 3L);
            assertThat(SoftDeleteScope.includeDeleted(s, query::getResultList)).containsExactly(1L, 2L, 3L);
            assertThat(SoftDeleteScope.onlyDeleted(s, query::getResultList)).containsExactly(2L);
            assertThat(query.getResultList()).containsExactly(1L, 3L);
            assertThat(SoftDeleteScope.onlyDeleted(s, () -> SoftDeleteScope.includeDeleted(s, query::getResultList)))
                    .containsExactly(1L, 2L, 3L);
        });
    }

    @Test
    void aLiteralThatLooksLikeAScopeTokenChangesNothing() {
        catalogue();
        // The tokens hold a random nonce per session factory: query text cannot forge one.
        inTransaction(s -> assertThat(s.createQuery("select p.id from Product p where p.name <> 'softdelete.scope.all'"
                + " and 'softdelete.scope.x.all' is not null order by p.id", Long.class).getResultList())
                .containsExactly(1L, 3L));
    }

    @Test
    void aBulkDeleteInsideAScopeStaysSoftAndRestampsNoDeletedRow() {
        catalogue();
        int deleted = fromTransaction(s -> SoftDeleteScope.includeDeleted(s, () -> s.createMutationQuery(
                "delete from ProductAsset a where a.url like :u").setParameter("u", "%/1-%").executeUpdate()));
        assertThat(deleted).as("asset 12 only: 11 was deleted already").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM product_assets")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM product_assets WHERE product_id = 1 AND deleted_at IS NOT NULL"))
                .isEqualTo(2);
    }

    @Test
    void joinsToSoftDeletableEntitiesFollowTheScope() {
        catalogue();
        String hql = "select a.id from ProductAsset a join a.product p order by a.id";
        inTransaction(s -> {
            assertThat(s.createQuery(hql, Long.class).getResultList())
                    .as("asset 11, product 2 and the assets of product 3 deleted").containsExactly(12L);
            assertThat(s.createQuery("select a.id from ProductAsset a join a.product p where a.id > 30", Long.class)
                    .getResultList()).as("assets of product 3 deleted by SQL").isEmpty();
            assertThat(SoftDeleteScope.includeDeleted(s, () -> s.createQuery(hql, Long.class).getResultList()))
                    .containsExactly(11L, 12L, 21L, 22L, 31L, 32L);
            assertThat(SoftDeleteScope.onlyDeleted(s, () -> s.createQuery(hql, Long.class).getResultList()))
                    .as("a deleted asset of a deleted product").isEmpty();
            assertThat(s.createQuery("select p.id from Product p left join p.assets a where a.id = 11", Long.class)
                    .getResultList()).as("a left join does not reach the deleted asset").isEmpty();
        });
    }

    @Test
    void fetchJoinsLoadOnlyTheRowsOfTheScope() {
        catalogue();
        String hql = "select distinct p from Product p left join fetch p.assets where p.id = 1";
        inTransaction(s -> assertThat(s.createQuery(hql, Product.class).getSingleResult().assets)
                .extracting(a -> a.id).containsExactly(12L));
        inTransaction(s -> assertThat(SoftDeleteScope.includeDeleted(s,
                () -> s.createQuery(hql, Product.class).getSingleResult().assets))
                .extracting(a -> a.id).containsExactlyInAnyOrder(11L, 12L));
        inTransaction(s -> assertThat(s.createQuery(
                "select a from ProductAttribute a join fetch a.product order by a.id", ProductAttribute.class)
                .getResultList()).as("the attribute of deleted product 2 is not joined")
                .extracting(a -> a.id).containsExactly(15L, 35L));
        inTransaction(s -> assertThat(SoftDeleteScope.includeDeleted(s, () -> s.createQuery(
                "select a from ProductAttribute a join fetch a.product order by a.id", ProductAttribute.class)
                .getResultList())).extracting(a -> a.product.id).containsExactly(1L, 2L, 3L));
    }

    @Test
    void subqueriesFollowTheScope() {
        catalogue();
        String hql = "select p.id from Product p where exists"
                + " (select 1 from ProductAsset a where a.product = p) order by p.id";
        inTransaction(s -> {
            assertThat(s.createQuery(hql, Long.class).getResultList()).as("product 3 has only deleted assets")
                    .containsExactly(1L);
            assertThat(SoftDeleteScope.includeDeleted(s, () -> s.createQuery(hql, Long.class).getResultList()))
                    .containsExactly(1L, 2L, 3L);
            assertThat(SoftDeleteScope.onlyDeleted(s, () -> s.createQuery(hql, Long.class).getResultList()))
                    .as("deleted product 2 has no deleted asset").isEmpty();
            assertThat(s.createQuery("select count(*) from ProductAsset a where a.product.id in"
                    + " (select p.id from Product p)", Long.class).getSingleResult())
                    .as("active assets of active products: 12 (1 deleted by SQL, 3's deleted)").isEqualTo(1L);
        });
    }

    @Test
    void theSecondLevelCacheNeverGivesADeletedEntityToTheDefaultView() {
        inTransaction(s -> {
            s.persist(new Shelf(1, "A"));
            s.persist(new Shelf(2, "B"));
        });
        inTransaction(s -> assertThat(s.find(Shelf.class, 1L).label).isEqualTo("A"));
        assertThat(sessionFactory.getCache().containsEntity(Shelf.class, 1L)).isTrue();
        inTransaction(s -> s.remove(s.find(Shelf.class, 1L)));
        inTransaction(s -> assertThat(s.find(Shelf.class, 1L)).isNull());
        var statistics = sessionFactory.getStatistics();
        long puts = statistics.getSecondLevelCachePutCount();
        inTransaction(s -> assertThat(SoftDeleteScope.includeDeleted(s, () -> s.find(Shelf.class, 1L).label))
                .isEqualTo("A"));
        assertThat(statistics.getSecondLevelCachePutCount()).as("a scope never fills the cache").isEqualTo(puts);
        inTransaction(s -> assertThat(s.find(Shelf.class, 1L)).isNull());
        inTransaction(s -> assertThat(SoftDeleteScope.includeDeleted(s, () -> SoftDeleteScope.activeOnly(s,
                () -> s.find(Shelf.class, 1L)))).isNull());

        // Soft-deleted through the API (plain JDBC) while cached: the cache is evicted.
        inTransaction(s -> s.find(Shelf.class, 2L));
        assertThat(sessionFactory.getCache().containsEntity(Shelf.class, 2L)).isTrue();
        softDelete.softDelete(Shelf.class, 2L);
        inTransaction(s -> assertThat(s.find(Shelf.class, 2L)).isNull());
        softDelete.restore(Shelf.class, 2L);
        inTransaction(s -> assertThat(s.find(Shelf.class, 2L).label).isEqualTo("B"));
    }

    @Test
    void theQueryCacheNeverGivesADeletedEntityToTheDefaultView() {
        inTransaction(s -> {
            s.persist(new Shelf(1, "A"));
            s.persist(new Shelf(2, "B"));
        });
        String hql = "from Shelf order by id";
        inTransaction(s -> assertThat(s.createQuery(hql, Shelf.class).setCacheable(true).getResultList())
                .extracting(x -> x.id).containsExactly(1L, 2L));
        inTransaction(s -> s.remove(s.find(Shelf.class, 2L)));
        inTransaction(s -> assertThat(s.createQuery(hql, Shelf.class).setCacheable(true).getResultList())
                .extracting(x -> x.id).containsExactly(1L));
        inTransaction(s -> assertThat(SoftDeleteScope.includeDeleted(s,
                () -> s.createQuery(hql, Shelf.class).setCacheable(true).getResultList()))
                .extracting(x -> x.id).containsExactly(1L, 2L));
        inTransaction(s -> assertThat(SoftDeleteScope.onlyDeleted(s,
                () -> s.createQuery(hql, Shelf.class).setCacheable(true).getResultList()))
                .extracting(x -> x.id).containsExactly(2L));
        sessionFactory.getStatistics().clear();
        inTransaction(s -> assertThat(s.createQuery(hql, Shelf.class).setCacheable(true).getResultList())
                .extracting(x -> x.id).containsExactly(1L));
        assertThat(sessionFactory.getStatistics().getQueryCacheHitCount()).as("default view served by the cache")
                .isEqualTo(1);
        int bulk = fromTransaction(s -> s.createMutationQuery("delete from Shelf where id = 1").executeUpdate());
        assertThat(bulk).isEqualTo(1);
        inTransaction(s -> assertThat(s.createQuery(hql, Shelf.class).setCacheable(true).getResultList()).isEmpty());
        assertThat(count("SELECT COUNT(*) FROM shelves")).as("soft").isEqualTo(2);
        inTransaction(s -> assertThat(List.of(s.find(Shelf.class, 1L) == null)).containsExactly(true));
    }
}
