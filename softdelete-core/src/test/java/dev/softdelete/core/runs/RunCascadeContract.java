package dev.softdelete.core.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.runs.rule.Exclusion;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs cascade through foreign keys to child tables with a marker column, with the parent's
 * instant; undo restores exactly the children the run changed; tables without a marker column
 * block the run unless the rule set keeps their rows. On every database.
 */
public abstract class RunCascadeContract extends DatabaseTest {

    static final Instant NOW = RunsContract.NOW;
    static final String BEFORE = "TIMESTAMP '2025-06-01 12:00:00'";
    static final String USER = "TIMESTAMP '2026-11-22 10:30:00.250000'";

    /** Table name prefix of the current test (the isolated database is shared by the class's tests). */
    private String P = "cs_";

    private String ts() {
        return database().localTimestampType();
    }

    /**
     * products 1..60 (odd ids old: candidates; 5 and 55 deleted before), attributes 1..180 (three
     * per product, every 7th deleted on its own before the run), attribute_values 1..360 (two per
     * attribute) and offers 1..60 referencing both a product and an attribute (two edges).
     */
    private void catalogue() {
        db.execute("CREATE TABLE " + P + "product (id BIGINT PRIMARY KEY, updated_at " + ts() + " NOT NULL, deleted_at " + ts()
                        + ", deleted_by VARCHAR(100))",
                "CREATE TABLE " + P + "attribute (id BIGINT PRIMARY KEY, product_id BIGINT NOT NULL REFERENCES " + P + "product (id),"
                        + " name VARCHAR(40), deleted_at " + ts() + ", deleted_by VARCHAR(100))",
                "CREATE TABLE " + P + "value (id BIGINT PRIMARY KEY, attribute_id BIGINT REFERENCES " + P + "attribute (id),"
                        + " deleted_at " + ts() + ")",
                "CREATE TABLE " + P + "offer (id BIGINT PRIMARY KEY, product_id BIGINT REFERENCES " + P + "product (id),"
                        + " attribute_id BIGINT REFERENCES " + P + "attribute (id), deleted_at " + ts() + ")");
        for (int p = 1; p <= 60; p++) {
            db.execute("INSERT INTO " + P + "product (id, updated_at, deleted_at) VALUES (" + p + ", "
                    + (p % 2 == 1 ? "TIMESTAMP '2019-01-01 00:00:00'" : "TIMESTAMP '2026-11-01 00:00:00'") + ", "
                    + (p == 5 || p == 55 ? BEFORE : "NULL") + ")");
        }
        for (int a = 1; a <= 180; a++) {
            db.execute("INSERT INTO " + P + "attribute (id, product_id, name, deleted_at) VALUES (" + a + ", " + ((a - 1) / 3 + 1)
                    + ", 'a" + a + "', " + (a % 7 == 0 ? BEFORE : "NULL") + ")");
        }
        for (int v = 1; v <= 360; v++) {
            db.execute("INSERT INTO " + P + "value (id, attribute_id, deleted_at) VALUES (" + v + ", " + ((v - 1) / 2 + 1) + ", "
                    + (v % 11 == 0 ? BEFORE : "NULL") + ")");
        }
        for (int o = 1; o <= 60; o++) {
            // offer o references product o and an attribute of product (o + 1): reached by two paths
            db.execute("INSERT INTO " + P + "offer (id, product_id, attribute_id) VALUES (" + o + ", " + o + ", "
                    + (Math.min(60, o + 1) * 3) + ")");
        }
    }

    private static RuleSet rules(RuleSet.Builder b) {
        return b.build();
    }

    private RuleSet.Builder oldProducts() {
        return RuleSet.on("" + P + "product").rule(Rule.olderThan("updated_at", Duration.ofDays(365)));
    }

    @Test
    void cascadesToEveryChildWithTheParentsInstantAndUndoRestoresExactlyThose() {
        catalogue();
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)).actorProvider(() -> "ops"));
        Map<String, Map<Long, String>> original = states();
        String parents = "SELECT p.id FROM " + P + "product p WHERE p.deleted_at IS NULL AND p.updated_at < TIMESTAMP '2025-11-22 09:00:00'";
        String attrs = "SELECT a.id FROM " + P + "attribute a WHERE a.deleted_at IS NULL AND a.product_id IN (" + parents + ")";
        long products = db.queryLong("SELECT COUNT(*) FROM (" + parents + ") x");
        long attributes = db.queryLong("SELECT COUNT(*) FROM (" + attrs + ") x");
        long values = db.queryLong("SELECT COUNT(*) FROM " + P + "value v WHERE v.deleted_at IS NULL AND v.attribute_id IN (" + attrs + ")");
        long offers = db.queryLong("SELECT COUNT(*) FROM " + P + "offer o WHERE o.deleted_at IS NULL AND (o.product_id IN ("
                + parents + ") OR o.attribute_id IN (" + attrs + "))");

        Preview preview = sd.runs().preview(rules(oldProducts()));
        assertThat(preview.total()).isEqualTo(products).isEqualTo(28);
        assertThat(preview.children()).containsOnlyKeys(name("" + P + "attribute"), name("" + P + "value"), name("" + P + "offer"))
                .containsEntry(name("" + P + "attribute"), attributes).containsEntry(name("" + P + "value"), values)
                .containsEntry(name("" + P + "offer"), offers);
        assertThat(preview.children().keySet()).as("parents first").first().isEqualTo(name("" + P + "attribute"));
        assertThat(preview.blockingChildren()).isEmpty();
        assertThat(preview.toJson()).contains("\"children\":{");

        RunReport applied = sd.runs().apply(preview, RunOptions.defaults().withBatchSize(7));
        assertThat(applied.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(applied.affected()).isEqualTo(products);
        String marker = "TIMESTAMP '2026-11-22 09:00:00'";
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + P + "attribute WHERE deleted_at = " + marker)).isEqualTo(attributes);
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + P + "attribute WHERE deleted_by = 'ops'")).isEqualTo(attributes);
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + P + "value WHERE deleted_at = " + marker)).isEqualTo(values);
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + P + "offer WHERE deleted_at = " + marker)).isEqualTo(offers);
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + P + "attribute a JOIN " + P + "product p ON p.id = a.product_id"
                + " WHERE p.deleted_at = " + marker + " AND a.deleted_at IS NULL")).as("no active child of a run-deleted parent").isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + P + "attribute WHERE deleted_at = " + BEFORE))
                .as("children deleted on their own keep their instant").isEqualTo(25);
        assertThat(sd.runs().changedRows(applied.runId())).containsEntry(name("" + P + "product"), products)
                .containsEntry(name("" + P + "attribute"), attributes).containsEntry(name("" + P + "value"), values)
                .containsEntry(name("" + P + "offer"), offers);
        assertThat(applied.verification()).contains("\"cascaded\":{", "\"consistent\":true");

        // after the run, a user restores attribute 4 and deletes it again: undo must not touch it
        db.execute("UPDATE " + P + "attribute SET deleted_at = NULL, deleted_by = NULL WHERE id = 4",
                "UPDATE " + P + "attribute SET deleted_at = " + USER + ", deleted_by = 'user' WHERE id = 4");
        RunReport undone = sd.runs().undo(applied.runId(), RunOptions.defaults().withBatchSize(5));
        assertThat(undone.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(undone.affected()).isEqualTo(products);
        assertThat(undone.verification()).contains("\"cascadeRestored\":{", "\"consistent\":true");
        Map<String, Map<Long, String>> after = states();
        assertThat(after.get("" + P + "product")).isEqualTo(original.get("" + P + "product"));
        assertThat(after.get("" + P + "value")).isEqualTo(original.get("" + P + "value"));
        assertThat(after.get("" + P + "offer")).isEqualTo(original.get("" + P + "offer"));
        after.get("" + P + "attribute").forEach((id, state) -> {
            if (id == 4) {
                assertThat(state).as("re-deleted by a user after the run").startsWith("2026-11-22T10:30:00.25");
            } else {
                assertThat(state).as("attribute %s", id).isEqualTo(original.get("" + P + "attribute").get(id));
            }
        });
    }

    @Test
    void aChildTableWithoutMarkerBlocksTheRunUnlessTheRulesKeepOrExcludeIt() {
        P = "cb_";
        catalogue();
        db.execute("CREATE TABLE " + P + "link (id BIGINT PRIMARY KEY, product_id BIGINT REFERENCES " + P + "product (id), url VARCHAR(100))",
                "INSERT INTO " + P + "link (id, product_id, url) VALUES (1, 1, 'a')",
                "INSERT INTO " + P + "link (id, product_id, url) VALUES (2, 3, 'b')",
                "INSERT INTO " + P + "link (id, product_id, url) VALUES (3, 4, 'c')");
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)));
        Map<String, Map<Long, String>> original = states();

        Preview blocked = sd.runs().preview(rules(oldProducts()));
        assertThat(blocked.blockingChildren()).containsExactly(Map.entry(name("" + P + "link"), 2L));
        assertThatThrownBy(() -> sd.runs().apply(blocked)).isInstanceOf(BlockingChildrenException.class)
                .hasMessageContaining(name("" + P + "link") + "=2").hasMessageContaining("keepChildren")
                .satisfies(e -> assertThat(((BlockingChildrenException) e).blocking()).containsEntry(name("" + P + "link"), 2L));
        assertThat(states()).isEqualTo(original);

        Preview excluded = sd.runs().preview(rules(oldProducts().exclude(Exclusion.referencedFrom("" + P + "link"))));
        assertThat(excluded.blockingChildren()).containsExactly(Map.entry(name("" + P + "link"), 0L));
        assertThat(excluded.total()).isEqualTo(26);
        RunReport applied = sd.runs().apply(excluded);
        assertThat(applied.affected()).isEqualTo(26);
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + P + "product WHERE id IN (1, 3) AND deleted_at IS NULL")).isEqualTo(2);
        sd.runs().undo(applied.runId());
        assertThat(states()).isEqualTo(original);

        Preview kept = sd.runs().preview(rules(oldProducts().keepChildren("" + P + "link")));
        assertThat(kept.blockingChildren()).isEmpty();
        assertThat(kept.description()).contains("keep children in " + P + "link");
        RunReport keptRun = sd.runs().apply(kept);
        assertThat(keptRun.affected()).isEqualTo(28);
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + P + "link")).isEqualTo(3);
        // the kept table is in the stored spec: a resume or undo sees the same rule set
        sd.runs().undo(keptRun.runId());
        assertThat(states()).isEqualTo(original);
    }

    /** The catalog's spelling of an unquoted name (upper case on H2). */
    private String name(String table) {
        return sd().catalog().require(table).name();
    }

    private SoftDelete sd;

    private SoftDelete sd() {
        if (sd == null) {
            sd = softDelete();
        }
        return sd;
    }

    private Map<String, Map<Long, String>> states() {
        Map<String, Map<Long, String>> states = new java.util.TreeMap<>();
        states.put("" + P + "product", RunsContract.state(dataSource(), "" + P + "product"));
        states.put("" + P + "attribute", RunsContract.state(dataSource(), "" + P + "attribute"));
        states.put("" + P + "value", stateWithoutDeletedBy("" + P + "value"));
        states.put("" + P + "offer", stateWithoutDeletedBy("" + P + "offer"));
        return states;
    }

    private Map<Long, String> stateWithoutDeletedBy(String table) {
        Map<Long, String> state = new java.util.TreeMap<>();
        try (var c = dataSource().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT id, deleted_at FROM " + table)) {
            while (rs.next()) {
                state.put(rs.getLong(1), String.valueOf(rs.getObject(2, java.time.LocalDateTime.class)));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return state;
    }
}
