package dev.softdelete.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.internal.KeyCodec;
import dev.softdelete.core.registry.NewRun;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.testing.DatabaseTest;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The scripts shipped in the jar work from Flyway by classpath location, with the prefix placeholder. */
public abstract class FlywayScriptsContract extends DatabaseTest {

    @Test
    void flywayAppliesTheShippedScriptsAndTheLibraryRunsOnThem() {
        SoftDelete probe = softDelete(b -> b.tablePrefix("fw_").initializeSchema(false));
        var result = Flyway.configure()
                .dataSource(dataSource())
                .locations("classpath:db/softdelete/" + probe.dialect().kind().scriptFolder())
                .placeholders(Map.of("softdelete_prefix", "fw_"))
                .table("fw_flyway_history")
                .baselineOnMigrate(true).baselineVersion("0") // test order is not fixed: other tests' tables may be there
                .load()
                .migrate();
        assertThat(result.migrationsExecuted).isEqualTo(SchemaScript.ALL.size());
        for (LibraryTable table : LibraryTable.values()) {
            if (table != LibraryTable.SCHEMA_VERSION) { // Flyway keeps its own history instead
                assertThat(probe.catalog().exists("fw_" + table.suffix())).as(table.name()).isTrue();
            }
        }
        var run = probe.runRegistry().create(new NewRun(RunKind.PURGE, RunMode.PRETEND, RunStatus.PLANNED,
                "flyway", "products", "check", null, null, null));
        assertThat(probe.runRegistry().require(run.id()).status()).isEqualTo(RunStatus.PLANNED);
    }

    @Test
    void upgradingToV4KeysExistingItemsByTheHashTheLibraryComputes() {
        SoftDelete probe = softDelete(b -> b.tablePrefix("up_").initializeSchema(false));
        var flyway = Flyway.configure().dataSource(dataSource())
                .locations("classpath:db/softdelete/" + probe.dialect().kind().scriptFolder())
                .placeholders(Map.of("softdelete_prefix", "up_")).table("up_flyway_history")
                .baselineOnMigrate(true).baselineVersion("0"); // the schema holds other tests' tables
        flyway.target("2").load().migrate();
        String items = probe.schema().table(LibraryTable.RUN_ITEMS);
        // A long key (hashed) and a short one with multi-byte characters (kept verbatim): the
        // database must measure and hash UTF-8 bytes exactly as the library does.
        for (String key : java.util.List.of("clé-ключ-" + "k".repeat(200), "clé-ключ-" + "k".repeat(40), "ключ")) {
            db.execute("INSERT INTO " + items + " (run_id, table_name, row_key, action, state, changed_at) VALUES (1, 't', '"
                    + key + "', 'SOFT_DELETE', 'APPLIED', " + db.database().zonedTimestampLiteral(java.time.Instant.EPOCH) + ")");
        }
        flyway.target("latest").load().migrate();
        for (String key : java.util.List.of("clé-ключ-" + "k".repeat(200), "clé-ключ-" + "k".repeat(40), "ключ")) {
            assertThat(db.queryLong("SELECT COUNT(*) FROM " + items + " WHERE row_key_digest = '" + KeyCodec.TEXT.digest(key)
                    + "' AND row_key = '" + key + "'")).as(key).isEqualTo(1);
        }
        // V5 copies items still APPLIED into one batch record per run, batch and table
        String batches = probe.schema().table(LibraryTable.RUN_BATCHES);
        assertThat(db.queryLong("SELECT key_count FROM " + batches + " WHERE run_id = 1 AND table_name = 't'")).isEqualTo(3);
        java.util.List<String> rowKeys = new java.util.ArrayList<>();
        try (var c = dataSource().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT row_keys FROM " + batches + " WHERE run_id = 1")) {
            while (rs.next()) {
                rowKeys.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(rowKeys).hasSize(1);
        @SuppressWarnings("unchecked")
        var doc = (java.util.Map<String, Object>) dev.softdelete.core.internal.Json.read(rowKeys.get(0));
        assertThat(doc).containsEntry("doc", "run-keys").containsEntry("v", 1L);
        assertThat((java.util.List<Object>) doc.get("keys")).containsExactlyInAnyOrder("clé-ключ-" + "k".repeat(200),
                "clé-ключ-" + "k".repeat(40), "ключ");
    }

    @Test
    void upgradingToV6KeepsRegistryRowsAndAllowsAnElementTwice() {
        SoftDelete probe = softDelete(b -> b.tablePrefix("u6_").initializeSchema(false));
        var flyway = Flyway.configure().dataSource(dataSource())
                .locations("classpath:db/softdelete/" + probe.dialect().kind().scriptFolder())
                .placeholders(Map.of("softdelete_prefix", "u6_")).table("u6_flyway_history")
                .baselineOnMigrate(true).baselineVersion("0");
        flyway.target("4").load().migrate();
        String deprecations = probe.schema().table(LibraryTable.DEPRECATIONS);
        String now = db.database().zonedTimestampLiteral(java.time.Instant.EPOCH);
        db.execute("INSERT INTO " + deprecations + " (object_type, table_name, object_name, status, watch, created_at,"
                + " updated_at) VALUES ('COLUMN', 'users', 'legacy_email', 'PLANNED', TRUE, " + now + ", " + now + ")");
        flyway.target("latest").load().migrate();
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + deprecations + " WHERE object_name = 'legacy_email'"
                + " AND watch = TRUE")).isEqualTo(1);
        db.execute("INSERT INTO " + deprecations + " (object_type, table_name, object_name, status, watch, created_at,"
                + " updated_at, run_id) VALUES ('COLUMN', 'users', 'legacy_email', 'APPLIED', TRUE, " + now + ", " + now
                + ", 7)");
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + deprecations + " WHERE object_name = 'legacy_email'"))
                .isEqualTo(2);
    }
}
