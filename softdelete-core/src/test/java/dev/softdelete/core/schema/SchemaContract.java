package dev.softdelete.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.dialect.InvalidIdentifierException;
import dev.softdelete.core.registry.NewRun;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunMode;
import dev.softdelete.core.registry.RunNotFoundException;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Schema initialization, the run registry and the audit log, on every database. */
public abstract class SchemaContract extends DatabaseTest {

    @Test
    void createsEveryLibraryTableUnderThePrefix() throws Exception {
        SoftDelete sd = softDelete(b -> b.tablePrefix("lib_"));
        for (LibraryTable table : LibraryTable.values()) {
            assertThat(sd.catalog().exists("lib_" + table.suffix())).as(table.name()).isTrue();
        }
        assertThat(sd.schemaInitializer().currentVersion())
                .isEqualTo(SchemaScript.ALL.get(SchemaScript.ALL.size() - 1).version());
        assertThat(sd.catalog().require("lib_run_items").primaryKey()).as("V4 keys items by the key's hash")
                .map(String::toLowerCase).containsExactly("run_id", "table_name", "row_key_digest");
        assertThat(indexNames(sd, "lib_run_items")).as("V2 dropped the secondary run_items index")
                .noneMatch(name -> name.equalsIgnoreCase("lib_run_items_row_ix"));
        assertThat(sd.catalog().require("lib_run_batches").primaryKey()).as("V5 records runs per batch and table")
                .map(String::toLowerCase).containsExactly("run_id", "batch_no", "table_name");
    }

    @Test
    void initializingTwiceAppliesNothingTheSecondTime() {
        SoftDelete sd = softDelete(b -> b.tablePrefix("twice_").initializeSchema(false));
        assertThat(sd.schemaInitializer().currentVersion()).isZero();
        assertThat(sd.schemaInitializer().initialize())
                .containsExactlyElementsOf(SchemaScript.ALL.stream().map(SchemaScript::version).toList());
        assertThat(sd.schemaInitializer().initialize()).isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + sd.schema().table(LibraryTable.SCHEMA_VERSION)))
                .isEqualTo(SchemaScript.ALL.size());
    }

    @Test
    void concurrentInitializationFromSeparatePoolsLeavesOneCorrectSchema() throws Exception {
        int instances = 4;
        CyclicBarrier start = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            var ds = db.newPool(2); // a separate pool per "instance"
            Callable<List<Integer>> init = () -> {
                SoftDelete sd = SoftDelete.builder(ds).tablePrefix("race_").initializeSchema(false).build();
                start.await();
                return sd.schemaInitializer().initialize();
            };
            results.add(pool.submit(init));
        }
        int appliedTotal = 0;
        for (Future<List<Integer>> r : results) {
            appliedTotal += r.get().size();
        }
        pool.shutdown();
        assertThat(appliedTotal).as("each version is applied by exactly one instance")
                .isEqualTo(SchemaScript.ALL.size());
        SoftDelete sd = softDelete(b -> b.tablePrefix("race_"));
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + sd.schema().table(LibraryTable.SCHEMA_VERSION)))
                .isEqualTo(SchemaScript.ALL.size());
        for (LibraryTable table : LibraryTable.values()) {
            assertThat(sd.catalog().exists("race_" + table.suffix())).as(table.name()).isTrue();
        }
    }

    @Test
    void rejectsAnUnsafePrefix() {
        assertThatThrownBy(() -> softDelete(b -> b.tablePrefix("x; drop table y; --")))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("prefix");
        String tooLong = "p".repeat(dialect().maxIdentifierLength());
        assertThatThrownBy(() -> softDelete(b -> b.tablePrefix(tooLong)))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("at most");
    }

    @Test
    void runRegistryRoundTripsARunWithTimesInUtc() {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-29T01:30:00.123456Z"));
        SoftDelete sd = softDelete(b -> b.clock(clock).actorProvider(() -> "alice"));
        RunRecord run = sd.runRegistry().create(new NewRun(RunKind.SOFT_DELETE, RunMode.APPLY, RunStatus.PLANNED,
                "old products", "products", "updated_at older than P730D", "{}", null, 42L));
        assertThat(run.id()).isPositive();
        assertThat(run.createdAt()).isEqualTo(clock.instant());
        assertThat(run.operator()).isEqualTo("alice");
        assertThat(run.previewCount()).isEqualTo(42L);

        clock.advance(Duration.ofMinutes(5));
        boolean moved = sd.jdbc().inTransaction(c -> sd.runRegistry().transition(c, run.id(), RunStatus.PLANNED,
                RunStatus.RUNNING));
        boolean movedAgain = sd.jdbc().inTransaction(c -> sd.runRegistry().transition(c, run.id(),
                RunStatus.PLANNED, RunStatus.RUNNING));
        assertThat(moved).isTrue();
        assertThat(movedAgain).as("compare-and-set refuses a stale transition").isFalse();
        sd.jdbc().inTransaction(c -> {
            sd.runRegistry().recordBatch(c, run.id(), 10, 8, 2, false, "1000");
            sd.runRegistry().recordBatch(c, run.id(), 5, 5, 0, true, null);
            return null;
        });
        sd.runRegistry().finish(run.id(), RunStatus.COMPLETED, null, "13 items verified");

        RunRecord done = sd.runRegistry().require(run.id());
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.startedAt()).isEqualTo(Instant.parse("2026-03-29T01:35:00.123456Z"));
        assertThat(done.finishedAt()).isEqualTo(done.startedAt());
        assertThat(done.matchedCount()).isEqualTo(15);
        assertThat(done.affectedCount()).isEqualTo(13);
        assertThat(done.skippedCount()).isEqualTo(2);
        assertThat(done.batchCount()).isEqualTo(2);
        assertThat(done.failedBatches()).isEqualTo(1);
        assertThat(done.cursor()).isEqualTo("1000");
        assertThat(done.verification()).isEqualTo("13 items verified");
        assertThat(sd.runRegistry().list(RunKind.SOFT_DELETE, 10)).extracting(RunRecord::id).contains(run.id());
        assertThatThrownBy(() -> sd.runRegistry().require(987654321L))
                .isInstanceOf(RunNotFoundException.class).hasMessageContaining("987654321");
    }

    @Test
    void auditLogRecordsWhoDidWhat() {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        SoftDelete sd = softDelete(b -> b.clock(clock).actorProvider(() -> "bob").instanceId("node-1"));
        sd.auditLog().record("RENAME", "TABLE", "legacy_items", null, "SUCCESS", java.util.Map.of("to", "legacy_items_x"));
        var entries = sd.auditLog().forTarget("TABLE", "legacy_items", 10);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).actor()).isEqualTo("bob");
        assertThat(entries.get(0).host()).isEqualTo("node-1");
        assertThat(entries.get(0).occurredAt()).isEqualTo(clock.instant());
        assertThat(entries.get(0).details()).contains("legacy_items_x");
    }

    private static List<String> indexNames(SoftDelete sd, String table) throws java.sql.SQLException {
        try (var c = sd.dataSource().getConnection()) {
            var scope = sd.dialect().scope(c);
            List<String> names = new ArrayList<>();
            try (var rs = c.getMetaData().getIndexInfo(scope.catalog(), scope.schema(),
                    sd.dialect().foldCase(table), false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        names.add(rs.getString("INDEX_NAME"));
                    }
                }
            }
            return names;
        }
    }
}
