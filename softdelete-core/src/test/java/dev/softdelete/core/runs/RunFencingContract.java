package dev.softdelete.core.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.core.time.Sleeper;
import dev.softdelete.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Fencing of run batches: a worker that lost its lease (takeover, undo) writes nothing more. */
public abstract class RunFencingContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private void createTable(String name) {
        db.execute("CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, updated_at " + database().localTimestampType()
                + " NOT NULL, status VARCHAR(20), price INT, parent_id BIGINT, owner_ref BIGINT, deleted_at "
                + database().localTimestampType() + ", deleted_by VARCHAR(100))");
    }

    private long items(SoftDelete sd, long runId, String state) {
        return RecordedBatches.rows(dataSource(), sd, runId, state);
    }

    @Test
    void undoWhileTheApplyWorkerSleepsPastItsLeaseFencesTheWorkerOff() {
        createTable("fu_item");
        RunsContract.fill(dataSource(), "fu_item", 300, NOW, i -> true, i -> false);
        Map<Long, String> original = RunsContract.state(dataSource(), "fu_item");
        SettableClock clock = new SettableClock(NOW);
        SoftDelete applier = SoftDelete.builder(db.newPool(2)).clock(clock).instanceId("applier").build();
        SoftDelete undoer = SoftDelete.builder(db.newPool(2)).clock(clock).instanceId("undoer").build();
        AtomicReference<RunReport> undo = new AtomicReference<>();
        Sleeper asleepPastItsLease = d -> {
            if (undo.get() != null) {
                return;
            }
            long runId = applier.runRegistry().list(RunKind.SOFT_DELETE, 1).get(0).id();
            assertThatThrownBy(() -> undoer.runs().undo(runId)).as("lease still live")
                    .isInstanceOf(RunLeasedException.class);
            clock.advance(Duration.ofMinutes(2)); // the worker sleeps past its one-minute lease
            undo.set(undoer.runs().undo(runId));
        };
        RunOptions options = RunOptions.defaults().withBatchSize(50).withRowsPerSecond(1_000)
                .withLeaseDuration(Duration.ofMinutes(1)).withSleeper(asleepPastItsLease);
        Preview preview = applier.runs().preview(RunsContract.olderThanRules("fu_item"));

        assertThatThrownBy(() -> applier.runs().apply(preview, options)).isInstanceOf(RunLeasedException.class);

        RunRecord parent = applier.runRegistry().list(RunKind.SOFT_DELETE, 1).get(0);
        assertThat(undo.get().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(undo.get().affected()).isEqualTo(50);
        assertThat(parent.status()).as("the woken worker must not complete an undone run").isEqualTo(RunStatus.UNDONE);
        assertThat(parent.affectedCount()).as("no batch after the undo took over").isEqualTo(50);
        assertThat(items(applier, parent.id(), null)).isEqualTo(50);
        assertThat(items(applier, parent.id(), "APPLIED")).isZero();
        assertThat(RunsContract.state(dataSource(), "fu_item")).as("every row as before the run").isEqualTo(original);
    }

    @Test
    void aWorkerWhoseRunWasTakenOverWritesNothingAndDoesNotFinishIt() {
        createTable("ft_item");
        RunsContract.fill(dataSource(), "ft_item", 300, NOW, i -> true, i -> false);
        SettableClock clock = new SettableClock(NOW);
        SoftDelete one = SoftDelete.builder(db.newPool(2)).clock(clock).instanceId("one").build();
        SoftDelete two = SoftDelete.builder(db.newPool(2)).clock(clock).instanceId("two").build();
        AtomicReference<RunReport> takeover = new AtomicReference<>();
        Sleeper sleepsPastItsLease = d -> {
            if (takeover.get() == null) {
                long runId = one.runRegistry().list(RunKind.SOFT_DELETE, 1).get(0).id();
                clock.advance(Duration.ofMinutes(2));
                // the new owner does one wave and pauses the run: the old owner must not carry on
                takeover.set(two.runs().resume(runId, RunOptions.defaults().withBatchSize(50).withMaxRows(50)));
            }
        };
        RunOptions options = RunOptions.defaults().withBatchSize(50).withRowsPerSecond(1_000)
                .withLeaseDuration(Duration.ofMinutes(1)).withSleeper(sleepsPastItsLease);

        assertThatThrownBy(() -> one.runs().apply(one.runs().preview(RunsContract.olderThanRules("ft_item")), options))
                .isInstanceOf(RunLeasedException.class);

        RunRecord run = one.runRegistry().list(RunKind.SOFT_DELETE, 1).get(0);
        assertThat(takeover.get().status()).isEqualTo(RunStatus.PAUSED);
        assertThat(run.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(run.affectedCount()).isEqualTo(100);
        assertThat(db.queryLong("SELECT COUNT(*) FROM ft_item WHERE deleted_at IS NOT NULL")).isEqualTo(100);
        assertThat(one.runs().resume(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(db.queryLong("SELECT COUNT(*) FROM ft_item WHERE deleted_at IS NOT NULL")).isEqualTo(300);
    }
}
