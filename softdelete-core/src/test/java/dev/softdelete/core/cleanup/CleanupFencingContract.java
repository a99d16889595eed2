package dev.softdelete.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.purge.Catalogue;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Fencing of cleanup jobs: a worker that lost its job's lease writes nothing more. */
public abstract class CleanupFencingContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant EXPIRED = NOW.minus(Duration.ofDays(40));

    private final SettableClock clock = new SettableClock(NOW);

    private SoftDelete instance(String name, DataSource ds) {
        return SoftDelete.builder(ds).clock(clock).instanceId(name).build();
    }

    private CleanupSettings quiet() {
        return CleanupSettings.defaults().withAlertListener(a -> { });
    }

    @Test
    void aFrozenArchiveRetentionWorkerLosesItsJobAndWritesNothingAfterwards() {
        clock.set(NOW);
        Catalogue c = Catalogue.create(db, "fz_");
        c.products(1, 3_000, EXPIRED);
        SoftDelete sd = instance("enqueuer", dataSource());
        RetentionPolicy policy = RetentionPolicy.archive(c.products()).withBatchSize(500)
                .withArchiveRetention(Duration.ofDays(1));
        sd.purge().apply(policy);
        assertThat(c.count(policy.archiveTable())).isEqualTo(3_000);
        clock.advance(Duration.ofDays(2));
        CleanupJob job = sd.cleanup().queue().enqueueArchiveRetention(policy);

        CleanupWorker[] rescuer = new CleanupWorker[1];
        long[] leftWhenLost = {-1};
        CleanupWorker frozen = instance("frozen", db.newPool(2)).cleanup().newWorker(quiet().withRowsPerSecond(1e9)
                .withLease(Duration.ofSeconds(30)).withSleeper(d -> {
                    if (leftWhenLost[0] < 0) {
                        clock.advance(Duration.ofSeconds(31)); // frozen past its lease after one batch
                        assertThat(rescuer[0].runOne()).as("the job is taken over").isTrue();
                        leftWhenLost[0] = c.count(policy.archiveTable());
                    }
                }));
        // the rescuer does one batch, then is stopped and gives the job back to the queue
        rescuer[0] = instance("rescuer", db.newPool(2)).cleanup().newWorker(quiet().withRowsPerSecond(1e9)
                .withSleeper(d -> rescuer[0].stop()));

        assertThat(frozen.runOne()).isTrue();

        assertThat(leftWhenLost[0]).as("one batch each by the frozen worker and the rescuer").isEqualTo(2_000);
        assertThat(c.count(policy.archiveTable())).as("nothing deleted after the lease was lost").isEqualTo(2_000);
        CleanupJob released = sd.cleanup().queue().require(job.id());
        assertThat(released.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(released.rowsProcessed()).isEqualTo(1_000);

        instance("third", db.newPool(2)).cleanup().newWorker(quiet()).run();
        CleanupJob done = sd.cleanup().queue().require(job.id());
        assertThat(done.status()).isEqualTo(JobStatus.DONE);
        assertThat(done.rowsProcessed()).isEqualTo(3_000);
        assertThat(c.count(policy.archiveTable())).isZero();
    }
}
