package dev.softdelete.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.audit.AuditEntry;
import dev.softdelete.core.metrics.micrometer.MicrometerMetrics;
import dev.softdelete.core.purge.Catalogue;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every purge, archive and cleanup job leaves an audit entry and an observation, on every database. */
public abstract class CleanupAuditContract extends DatabaseTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private final SettableClock clock = new SettableClock(NOW);
    private final List<String> observed = new CopyOnWriteArrayList<>();

    private SoftDelete instance() {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                observed.add(context.getName());
            }
        });
        return SoftDelete.builder(dataSource()).clock(clock).instanceId("auditor").actorProvider(() -> "ops-bot")
                .metrics(MicrometerMetrics.of(new SimpleMeterRegistry(), observations)).build();
    }

    @Test
    void aCleanupJobIsAuditedWithItsOutcomeRunAndRows() {
        Catalogue c = Catalogue.create(db, "audjob_");
        c.products(1, 30, NOW.minus(Duration.ofDays(40)));
        SoftDelete sd = instance();
        CleanupJob job = sd.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()));
        assertThat(sd.cleanup().newWorker(CleanupSettings.defaults().withAlertListener(a -> { })).runOne()).isTrue();

        List<AuditEntry> entries = sd.auditLog().forTarget("TABLE", c.products(), 10).stream()
                .filter(e -> e.action().equals("CLEANUP_JOB")).toList();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("SUCCESS");
            assertThat(e.actor()).isEqualTo("ops-bot");
            assertThat(e.runId()).isEqualTo(sd.cleanup().queue().require(job.id()).runId()).isNotNull();
            assertThat(e.details()).contains("\"rows\":30").contains("\"job\":" + job.id());
        });
        assertThat(observed).contains("softdelete.cleanup.job");
    }

    @Test
    void aDirectPurgeIsAuditedWithItsRunAndCounts() {
        Catalogue c = Catalogue.create(db, "auddir_");
        c.products(1, 12, NOW.minus(Duration.ofDays(40)));
        SoftDelete sd = instance();
        var result = sd.purge().apply(RetentionPolicy.purge(c.products()));
        assertThat(sd.auditLog().forTarget("TABLE", c.products(), 10)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("PURGE");
            assertThat(e.outcome()).isEqualTo("SUCCESS");
            assertThat(e.runId()).isEqualTo(result.runId());
            assertThat(e.details()).contains("\"rows\":{").contains("12");
        });
        assertThat(observed).contains("softdelete.purge");
    }

    @Test
    void theQueueLengthGaugeReadsTheDatabaseWhenNoWorkerRuns() {
        // a queue of its own (prefix gq_): the jobs it leaves queued must not reach the other tests' workers
        Catalogue c = Catalogue.create(db, "audgauge_");
        c.products(1, 5, NOW.minus(Duration.ofDays(40)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SoftDelete sd = SoftDelete.builder(dataSource()).tablePrefix("gq_").clock(clock).instanceId("gauge")
                .metrics(MicrometerMetrics.of(registry)).build();
        long before = sd.cleanup().queue().length();
        SoftDelete other = SoftDelete.builder(dataSource()).tablePrefix("gq_").clock(clock).instanceId("enqueuer").build();
        other.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()));
        other.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()));
        SoftDelete fresh = SoftDelete.builder(dataSource()).tablePrefix("gq_").clock(clock).instanceId("scraped")
                .metrics(MicrometerMetrics.of(registry = new SimpleMeterRegistry())).build();
        assertThat(registry.get("softdelete.cleanup.queue.length").gauge().value())
                .as("no worker ever sampled it in this instance").isEqualTo(before + 2.0);
        assertThat(fresh.cleanup().queue().lastSampledLength()).isEqualTo(before + 2);
    }
}
