package dev.softdelete.core.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.catalog.UnknownTableException;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Retention purge and archive on every database: guards, order, pretend, archive, bad input. */
public abstract class PurgeContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant EXPIRED = NOW.minus(Duration.ofDays(40));
    static final Instant RECENT = NOW.minus(Duration.ofDays(10));

    private final SettableClock clock = new SettableClock(NOW);

    private SoftDelete sd() {
        return softDelete(b -> b.clock(clock));
    }

    /** Products 1-6 expired with expired children; 7 deleted recently; 8 active; 9 ordered; 10 has an active attribute. */
    private Catalogue scenario(String prefix) {
        clock.set(NOW);
        Catalogue c = Catalogue.create(db, prefix);
        c.products(1, 6, EXPIRED);
        c.products(7, 7, RECENT);
        c.products(8, 8, null);
        c.products(9, 10, EXPIRED);
        c.children(1, 10, EXPIRED);
        db.execute("UPDATE " + c.attributes() + " SET deleted_at = NULL WHERE id = 10",
                "INSERT INTO " + c.orders() + " (id, product_id, quantity) VALUES (1, 9, 3)");
        return c;
    }

    @Test
    void plansChildrenBeforeParentsFromTheCatalog() {
        Catalogue c = scenario("pl_");
        PurgePlan plan = sd().purge().plan(RetentionPolicy.purge(c.products()));
        assertThat(plan.tables()).hasSize(3).endsWith("pl_products")
                .containsExactlyInAnyOrder("pl_assets", "pl_attributes", "pl_products");
        assertThat(plan.blockingTables()).map(String::toLowerCase).containsExactly("pl_orders");
    }

    @Test
    void pretendCountsWithSampleIdsAndChangesNothing() {
        Catalogue c = scenario("pr_");
        SoftDelete sd = sd();
        PurgePreview preview = sd.purge().pretend(RetentionPolicy.purge(c.products()));

        TablePreview products = preview.tables().get(2);
        assertThat(products.expired()).isEqualTo(8); // 1-6, 9, 10
        assertThat(products.purgeable()).isEqualTo(6);
        assertThat(products.blockedBy()).hasSize(2);
        assertThat(products.sampleIds()).containsExactly("1", "2", "3", "4", "5", "6");
        // products, assets, attributes: the children of 9 (ordered) and 10 (active attribute) stay with them
        assertThat(preview.totalPurgeable()).isEqualTo(6 + 6 + 6);
        assertThat(c.count(c.products())).isEqualTo(10);
        assertThat(c.count(c.assets())).isEqualTo(10);

        RunRecord run = sd.runRegistry().require(preview.runId());
        assertThat(run.kind()).isEqualTo(RunKind.PURGE);
        assertThat(run.mode()).isEqualTo(RunMode.PRETEND);
        assertThat(run.previewCount()).isEqualTo(preview.totalPurgeable());
    }

    /**
     * A batch of children referencing a narrow slice of parent keys has its parent scope joined
     * as a slice (batch size 300: the slice 1..1000 is narrower than four batches), a wide one
     * probed per row (batch size 10): both decide the same. Product 1000 stays (an active
     * attribute), so its expired asset stays with it.
     */
    @Test
    void theParentScopeDecidesTheSameForANarrowAndAWideSliceOfParentKeys() {
        for (int batchSize : new int[] {10, 300}) {
            clock.set(NOW);
            Catalogue c = Catalogue.create(db, "sl" + batchSize + "_");
            c.products(1, 2, EXPIRED);
            c.products(1000, 1000, EXPIRED);
            c.children(1, 2, EXPIRED);
            c.children(1000, 1000, EXPIRED);
            db.execute("UPDATE " + c.attributes() + " SET deleted_at = NULL WHERE id = 1000");

            PurgeResult result = sd().purge().apply(RetentionPolicy.purge(c.products()).withBatchSize(batchSize));

            assertThat(ids(c.products())).as("batch size %d", batchSize).containsExactly(1000L);
            assertThat(ids(c.assets())).as("batch size %d", batchSize).containsExactly(1000L);
            assertThat(ids(c.attributes())).as("batch size %d", batchSize).containsExactly(1000L);
            assertThat(result.totalRemoved()).isEqualTo(6);
            assertThat(result.skipped()).as("product 1000").isEqualTo(1);
        }
    }

    @Test
    void purgesExpiredRowsChildrenFirstAndNeverForcesReferencedOrActiveRows() {
        Catalogue c = scenario("ap_");
        SoftDelete sd = sd();
        PurgeResult result = sd.purge().apply(RetentionPolicy.purge(c.products()).withBatchSize(4));

        assertThat(ids(c.products())).containsExactly(7L, 8L, 9L, 10L);
        // A product that stays (9: ordered, 10: an active attribute) keeps its expired children too, so
        // that restoring it later is complete; expired children of purged products go.
        assertThat(ids(c.assets())).containsExactly(7L, 8L, 9L, 10L);
        assertThat(ids(c.attributes())).containsExactly(7L, 8L, 9L, 10L);
        assertThat(c.count(c.orders())).isEqualTo(1);
        assertThat(result.totalRemoved()).isEqualTo(6 + 6 + 6);
        assertThat(result.skipped()).isEqualTo(2);

        RunRecord run = sd.runRegistry().require(result.runId());
        assertThat(run.mode()).isEqualTo(RunMode.APPLY);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.affectedCount()).isEqualTo(result.totalRemoved());
        assertThat(run.skippedCount()).isEqualTo(2);
    }

    @Test
    void retentionWindowFollowsTheClock() {
        clock.set(NOW);
        Catalogue c = Catalogue.create(db, "rw_");
        c.products(1, 1, NOW.minus(Duration.ofDays(29)));
        c.products(2, 2, NOW.minus(Duration.ofDays(31)));
        SoftDelete sd = sd();
        RetentionPolicy policy = RetentionPolicy.purge(c.products());

        sd.purge().apply(policy);
        assertThat(ids(c.products())).containsExactly(1L);

        clock.advance(Duration.ofDays(2));
        sd.purge().apply(policy);
        assertThat(ids(c.products())).isEmpty();
    }

    @Test
    void archivedRowsEqualTheDeletedRowsColumnByColumnAndExpireInTurn() throws Exception {
        Catalogue c = scenario("ar_");
        try (Connection conn = dataSource().getConnection();
                PreparedStatement ps = conn.prepareStatement("UPDATE " + c.products() + " SET photo = ? WHERE id = ?")) {
            ps.setBytes(1, new byte[] {0, 1, (byte) 0xff, 127});
            ps.setLong(2, 3);
            ps.executeUpdate();
        }
        String cols = "id, sku, price, photo, updated_at, deleted_at";
        List<List<Object>> before = rows("SELECT " + cols + " FROM " + c.products() + " WHERE id <= 6 ORDER BY id");
        SoftDelete sd = sd();
        RetentionPolicy policy = RetentionPolicy.archive(c.products()).withArchiveRetention(Duration.ofDays(100));

        PurgeResult result = sd.purge().apply(policy);

        assertThat(rows("SELECT " + cols + " FROM " + policy.archiveTable() + " ORDER BY id")).isEqualTo(before);
        assertThat(c.count(policy.archiveTable(), "archive_run_id = " + result.runId())).isEqualTo(6);
        assertThat(c.count(c.assets() + "_archive")).as("not the assets of skipped products 9 and 10").isEqualTo(6);
        assertThat(ids(c.products())).containsExactly(7L, 8L, 9L, 10L);
        assertThat(ids(c.assets())).as("a skipped parent keeps its expired children, restorable with it")
                .containsExactly(7L, 8L, 9L, 10L);
        assertThat(sd.runRegistry().require(result.runId()).kind()).isEqualTo(RunKind.ARCHIVE);

        assertThat(sd.purge().purgeArchive(policy)).isZero();
        clock.advance(Duration.ofDays(101));
        assertThat(sd.purge().purgeArchive(policy)).isEqualTo(6 + 6 + 6);
        assertThat(c.count(policy.archiveTable())).isZero();
    }

    @Test
    void badInputThrowsClearlyAndChangesNothing() {
        Catalogue c = scenario("bad_");
        db.execute("CREATE TABLE bad_plain (id BIGINT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO bad_plain (id, name) VALUES (1, 'x')");
        SoftDelete sd = sd();
        long runs = sd.runRegistry().list(1000).size();

        assertThatThrownBy(() -> RetentionPolicy.purge(c.products()).withRetention(Duration.ZERO))
                .isInstanceOf(PurgeConfigurationException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> RetentionPolicy.purge(c.products()).withRetention(Duration.ofDays(-1)))
                .isInstanceOf(PurgeConfigurationException.class).hasMessageContaining(c.products());
        assertThatThrownBy(() -> sd.purge().apply(RetentionPolicy.purge("bad_nope")))
                .isInstanceOf(UnknownTableException.class).hasMessageContaining("bad_nope");
        assertThatThrownBy(() -> sd.purge().pretend(RetentionPolicy.purge("bad_plain")))
                .isInstanceOf(PurgeConfigurationException.class).hasMessageContaining("deleted_at");
        assertThatThrownBy(() -> sd.purge().apply(RetentionPolicy.archive("bad_plain")))
                .isInstanceOf(PurgeConfigurationException.class);

        assertThat(c.count(c.products())).isEqualTo(10);
        assertThat(c.count("bad_plain")).isEqualTo(1);
        assertThat(sd.catalog().exists("bad_plain_archive")).isFalse();
        assertThat(sd.runRegistry().list(1000)).hasSize((int) runs);
    }

    @Test
    void randomizedDeletesRestoresAndPurgesNeverLoseLiveOrRecentRows() {
        clock.set(NOW);
        Catalogue c = Catalogue.create(db, "rnd_");
        int n = 200;
        c.products(1, n, null);
        c.assets(1, n, null);
        SoftDelete sd = sd();
        Random random = new Random(20261122L);
        Map<Long, Instant> product = new HashMap<>();
        Map<Long, Instant> asset = new HashMap<>();
        for (long i = 1; i <= n; i++) {
            product.put(i, null);
            asset.put(i, null);
        }
        Set<Long> ordered = new HashSet<>();
        for (int round = 0; round < 12; round++) {
            for (int op = 0; op < 25; op++) {
                long id = 1 + random.nextInt(n);
                boolean onAsset = random.nextBoolean();
                Map<Long, Instant> model = onAsset ? asset : product;
                String table = onAsset ? c.assets() : c.products();
                if (!model.containsKey(id)) {
                    continue;
                }
                switch (random.nextInt(4)) {
                    case 0, 1 -> {
                        Instant at = clock.instant().minus(Duration.ofDays(random.nextInt(60)));
                        db.execute("UPDATE " + table + " SET deleted_at = " + Catalogue.literal(at) + " WHERE id = " + id);
                        model.put(id, at);
                    }
                    case 2 -> {
                        db.execute("UPDATE " + table + " SET deleted_at = NULL WHERE id = " + id);
                        model.put(id, null);
                    }
                    default -> {
                        if (!onAsset && ordered.add(id)) {
                            db.execute("INSERT INTO " + c.orders() + " (id, product_id) VALUES (" + id + ", " + id + ")");
                        }
                    }
                }
            }
            Instant cutoff = clock.instant().minus(RetentionPolicy.DEFAULT_RETENTION);
            sd.purge().apply(RetentionPolicy.purge(c.products()).withBatchSize(1 + random.nextInt(50)));
            Set<Long> products = new HashSet<>(ids(c.products()));
            Set<Long> assets = new HashSet<>(ids(c.assets()));
            for (Map.Entry<Long, Instant> e : product.entrySet()) {
                if (e.getValue() == null || !e.getValue().isBefore(cutoff) || ordered.contains(e.getKey())) {
                    assertThat(products).as("product %d (marker %s)", e.getKey(), e.getValue()).contains(e.getKey());
                }
            }
            for (Map.Entry<Long, Instant> e : asset.entrySet()) {
                if (e.getValue() == null || !e.getValue().isBefore(cutoff)) {
                    assertThat(assets).as("asset %d (marker %s)", e.getKey(), e.getValue()).contains(e.getKey());
                }
            }
            // Expired products nobody references any more are gone: the purge did its job.
            for (Map.Entry<Long, Instant> e : product.entrySet()) {
                boolean referenced = ordered.contains(e.getKey()) || assets.contains(e.getKey())
                        || db.queryLong("SELECT COUNT(*) FROM " + c.attributes() + " WHERE product_id = " + e.getKey()) > 0;
                if (e.getValue() != null && e.getValue().isBefore(cutoff) && !referenced) {
                    assertThat(products).as("expired product %d", e.getKey()).doesNotContain(e.getKey());
                }
            }
            product.keySet().retainAll(products);
            asset.keySet().retainAll(assets);
            clock.advance(Duration.ofDays(random.nextInt(5)));
        }
        assertThat(product.size()).isLessThan(n);
    }

    private List<Long> ids(String table) {
        List<Long> ids = new ArrayList<>();
        for (List<Object> row : rows("SELECT id FROM " + table + " ORDER BY id")) {
            ids.add(((Number) row.get(0)).longValue());
        }
        return ids;
    }

    private List<List<Object>> rows(String sql) {
        try (Connection conn = dataSource().getConnection(); ResultSet rs = conn.createStatement().executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof byte[] bytes ? Arrays.toString(bytes) : v);
                }
                rows.add(row);
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
