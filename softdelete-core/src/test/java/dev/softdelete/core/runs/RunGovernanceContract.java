package dev.softdelete.core.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What operators of runs also expect: the two-person rule (a preview approved by another actor),
 * time windows for background runs, and the duplicates rule. On every database.
 */
public abstract class RunGovernanceContract extends DatabaseTest {

    static final Instant NOW = RunsContract.NOW;

    private void createTable(String name, int rows) {
        RunsContract.execute(dataSource(), "CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, updated_at "
                + database().localTimestampType() + " NOT NULL, status VARCHAR(20), price INT, parent_id BIGINT,"
                + " owner_ref BIGINT, deleted_at " + database().localTimestampType() + ", deleted_by VARCHAR(100))");
        RunsContract.fill(dataSource(), name, rows, NOW, i -> i % 2 == 0, i -> false);
    }

    @Test
    void withTheTwoPersonRuleAnApplyNeedsThePreviewApprovedByAnotherActor() {
        createTable("ap_item", 100);
        AtomicReference<String> actor = new AtomicReference<>("alice");
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)).actorProvider(actor::get).runApproval(true));
        Map<Long, String> before = RunsContract.state(dataSource(), "ap_item");
        Preview preview = sd.runs().preview(RunsContract.olderThanRules("ap_item"));

        assertThatThrownBy(() -> sd.runs().apply(preview)).isInstanceOf(RunApprovalException.class)
                .hasMessageContaining("has not been approved by another actor").hasMessageContaining("approve(" + preview.runId());
        assertThatThrownBy(() -> sd.runs().submit(preview, RunOptions.defaults())).isInstanceOf(RunApprovalException.class);
        assertThatThrownBy(() -> sd.runs().approve(preview.runId())).as("alice made it").isInstanceOf(RunApprovalException.class)
                .hasMessageContaining("another actor must approve it");
        assertThatThrownBy(() -> sd.runs().apply(preview)).isInstanceOf(RunApprovalException.class);
        assertThat(RunsContract.state(dataSource(), "ap_item")).isEqualTo(before);

        actor.set("bob");
        sd.runs().approve(preview.runId());
        actor.set("alice");
        // the rules executed are the preview's: another rule set under the same preview id is refused
        Preview forged = new Preview(preview.runId(), preview.table(), preview.description(), preview.total(),
                preview.perRule(), preview.sampleIds(), preview.batches(), preview.estimatedDuration(), preview.asOf(),
                RuleSet.on("ap_item").rule(Rule.predicate("price > 0")).build(), preview.children(),
                preview.blockingChildren(), 0, List.of());
        assertThatThrownBy(() -> sd.runs().apply(forged)).isInstanceOf(RunApprovalException.class)
                .hasMessageContaining("rules passed differ");
        RunReport applied = sd.runs().apply(preview);
        assertThat(applied.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(applied.affected()).isEqualTo(50);
        assertThat(RunSpec.fromJson(sd.runRegistry().require(applied.runId()).spec()).previewRunId())
                .as("the apply names the preview it executes").isEqualTo(preview.runId());
        assertThat(sd.auditLog().forTarget("RUN", sd.runRegistry().require(preview.runId()).targetTable(), 50))
                .extracting(e -> e.action() + ":" + e.outcome() + ":" + e.actor())
                .contains("PREVIEW_APPROVED:SUCCESS:bob", "PREVIEW_APPROVED:REFUSED:alice", "SOFT_DELETE_RUN:REFUSED:alice");
    }

    @Test
    void workersPauseABackgroundRunOutsideItsTimeWindowAndResumeItInside() {
        createTable("tw_item", 400);
        ZoneId zone = ZoneId.of("Europe/Paris");
        // 12:00 in Paris: outside 01:00-05:00
        SettableClock clock = new SettableClock(Instant.parse("2026-11-22T11:00:00Z"));
        SoftDelete sd = softDelete(b -> b.clock(clock));
        RunWindow night = RunWindow.between(LocalTime.of(1, 0), LocalTime.of(5, 0), zone);
        assertThat(night.contains(Instant.parse("2026-11-22T00:30:00Z"))).isTrue(); // 01:30 in Paris
        assertThat(RunWindow.between(LocalTime.of(22, 0), LocalTime.of(4, 0), zone)
                .contains(Instant.parse("2026-11-22T23:30:00Z"))).as("spans midnight").isTrue();
        long runId = sd.runs().submit(sd.runs().preview(RunsContract.olderThanRules("tw_item")),
                RunOptions.defaults().withBatchSize(10).withWindow(night));

        List<Integer> batchesSeen = new ArrayList<>();
        RunWorker worker = sd.runs().worker(RunOptions.defaults().withBatchSize(10).withRowsPerSecond(1_000)
                .withLeaseDuration(Duration.ofSeconds(10)).withSleeper(d -> {
                    batchesSeen.add(1);
                    if (batchesSeen.size() == 5) {
                        clock.set(Instant.parse("2026-11-23T04:10:00Z")); // 05:10 in Paris: closed
                    }
                }));
        worker.run();
        assertThat(sd.runRegistry().require(runId).status()).as("outside: paused by the worker").isEqualTo(RunStatus.PAUSED);
        assertThat(sd.runRegistry().require(runId).errorMessage()).startsWith("Outside its time window 01:00-05:00 Europe/Paris");
        assertThat(RecordedBatches.rows(dataSource(), sd, runId, null)).as("nothing applied outside the window").isZero();

        clock.set(Instant.parse("2026-11-23T00:30:00Z")); // 01:30 in Paris
        worker.run();
        assertThat(batchesSeen).as("five batches, then the window closed").hasSize(5);
        assertThat(sd.runRegistry().require(runId).status()).isEqualTo(RunStatus.PAUSED);
        assertThat(sd.runs().progress(runId).batches()).isEqualTo(5);
        // at most 10 rows a batch: the next 10 candidates (H2, MariaDB) or the candidates among the
        // next 10 keys (PostgreSQL's key ranges; every other row is one); all of them recorded
        assertThat(RecordedBatches.rows(dataSource(), sd, runId, null)).isBetween(25L, 50L)
                .isEqualTo(RunsContract.state(dataSource(), "tw_item").values().stream()
                        .filter(v -> v != null && !v.startsWith("null")).count());

        clock.set(Instant.parse("2026-11-24T01:00:00Z")); // 02:00 in Paris
        sd.runs().worker(RunOptions.defaults().withBatchSize(10)).run();
        assertThat(sd.runRegistry().require(runId).status()).as("resumed inside and finished").isEqualTo(RunStatus.COMPLETED);
        assertThat(sd.runRegistry().require(runId).affectedCount()).isEqualTo(200);
    }

    @Test
    void theDuplicatesRuleKeepsTheNewestRowOfEachGroupAndItsPreviewMatchesGroupBy() {
        RunsContract.execute(dataSource(), "CREATE TABLE du_user (id BIGINT PRIMARY KEY, email VARCHAR(100),"
                + " tenant INT, updated_at " + database().localTimestampType() + ", deleted_at "
                + database().localTimestampType() + ", deleted_by VARCHAR(100))");
        int id = 0;
        for (int g = 0; g < 40; g++) {
            int copies = 1 + g % 4; // groups of 1 (no duplicate), 2, 3 and 4 rows
            for (int k = 0; k < copies; k++) {
                id++;
                String updated = k == 1 && g % 5 == 0 ? "NULL" : "TIMESTAMP '2026-0" + (1 + k % 9) + "-15 10:00:00'";
                RunsContract.execute(dataSource(), "INSERT INTO du_user (id, email, tenant, updated_at) VALUES (" + id
                        + ", 'user" + g + "@x.test', " + (g % 3) + ", " + updated + ")");
            }
        }
        // rows with a NULL email are in no group; an already deleted duplicate does not count
        RunsContract.execute(dataSource(), "INSERT INTO du_user (id, email, tenant, updated_at) VALUES (1001, NULL, 1,"
                + " TIMESTAMP '2026-01-01 00:00:00')");
        RunsContract.execute(dataSource(), "INSERT INTO du_user (id, email, tenant, updated_at) VALUES (1002, NULL, 1,"
                + " TIMESTAMP '2026-01-01 00:00:00')");
        RunsContract.execute(dataSource(), "INSERT INTO du_user (id, email, tenant, updated_at, deleted_at) VALUES (1003,"
                + " 'user0@x.test', 0, TIMESTAMP '2026-09-01 00:00:00', TIMESTAMP '2026-10-01 00:00:00')");
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)));
        RuleSet rules = RuleSet.on("du_user").rule(Rule.duplicates(List.of("email", "tenant"), "updated_at")).build();
        String groupBy = "SELECT email, tenant, COUNT(*) AS n FROM du_user WHERE deleted_at IS NULL AND email IS NOT NULL"
                + " AND tenant IS NOT NULL GROUP BY email, tenant HAVING COUNT(*) > 1";

        Preview preview = sd.runs().preview(rules, RunOptions.defaults().withSampleSize(3));
        long groups = db.queryLong("SELECT COUNT(*) FROM (" + groupBy + ") g");
        long inGroups = db.queryLong("SELECT SUM(n) FROM (" + groupBy + ") g");
        assertThat(preview.duplicateGroups()).isEqualTo(groups).isEqualTo(30);
        assertThat(preview.total()).as("all but one row of each group").isEqualTo(inGroups - groups);
        assertThat(preview.sampleGroups()).hasSize(3).allSatisfy(g -> assertThat(g.rows()).isEqualTo(4));
        assertThat(preview.sampleGroups().get(0).values()).hasSize(2);
        assertThat(preview.toJson()).contains("\"duplicateGroups\":30", "\"sampleGroups\":[");

        Map<Long, String> before = RunsContract.state(dataSource(), "du_user");
        RunReport applied = sd.runs().apply(preview, RunOptions.defaults().withBatchSize(7));
        assertThat(applied.affected()).isEqualTo(inGroups - groups);
        assertThat(db.queryLong("SELECT COUNT(*) FROM (" + groupBy + ") g")).as("no duplicate left").isZero();
        // the row kept is the newest of its group (a NULL updated_at counts as oldest; ties: highest id)
        assertThat(db.queryLong("SELECT COUNT(*) FROM du_user d WHERE d.deleted_at IS NULL AND d.email IS NOT NULL AND EXISTS"
                + " (SELECT 1 FROM du_user o WHERE o.email = d.email AND o.tenant = d.tenant AND o.deleted_at = TIMESTAMP"
                + " '2026-11-22 09:00:00' AND (o.updated_at > d.updated_at OR (d.updated_at IS NULL AND o.updated_at IS NOT NULL)))"))
                .isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM du_user WHERE email IS NULL AND deleted_at IS NULL")).isEqualTo(2);
        RunReport undone = sd.runs().undo(applied.runId());
        assertThat(undone.affected()).isEqualTo(applied.affected());
        assertThat(db.queryLong("SELECT COUNT(*) FROM (" + groupBy + ") g")).as("undoable like any run").isEqualTo(groups);
        assertThat(RunsContract.state(dataSource(), "du_user")).isEqualTo(before);
    }
}
