package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.cleanup.CleanupScheduler;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.schema.SchemaScript;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * softdelete's health: {@code DOWN} when the library schema is behind the scripts this version
 * ships (features would fail); {@code OUT_OF_SERVICE} when this instance's cleanup workers are
 * paused (circuit breaker open, or paused by hand), when the cleanup queue holds more than the
 * threshold, or when a run is RUNNING with an expired lease (its worker is gone). Details always
 * carry the numbers.
 */
final class SoftDeleteHealthIndicator implements HealthIndicator {

    private final SoftDelete softDelete;
    private final CleanupScheduler scheduler;
    private final SoftDeleteProperties.Health settings;
    private final IntSupplier schemaVersion;

    SoftDeleteHealthIndicator(SoftDelete softDelete, CleanupScheduler scheduler, SoftDeleteProperties.Health settings) {
        this(softDelete, scheduler, settings, () -> softDelete.schemaInitializer().currentVersion());
    }

    /** With {@code schemaVersion} reading the library schema's version (Flyway's history when Flyway applies it). */
    SoftDeleteHealthIndicator(SoftDelete softDelete, CleanupScheduler scheduler, SoftDeleteProperties.Health settings,
            IntSupplier schemaVersion) {
        this.schemaVersion = schemaVersion;
        this.softDelete = softDelete;
        this.scheduler = scheduler;
        this.settings = settings;
    }

    /** The highest schema version this library ships. */
    static int latestSchemaVersion() {
        return SchemaScript.ALL.stream().mapToInt(SchemaScript::version).max().orElse(0);
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        Status status = Status.UP;
        int current = schemaVersion.getAsInt();
        int latest = latestSchemaVersion();
        details.put("schemaVersion", current);
        details.put("latestSchemaVersion", latest);
        if (current < latest) {
            status = Status.DOWN;
            details.put("schema", "behind: apply the scripts under db/softdelete/" + softDelete.dialect().kind().scriptFolder()
                    + " (versions " + SchemaScript.ALL.stream().mapToInt(SchemaScript::version).filter(v -> v > current)
                            .boxed().toList() + ")");
        }
        if (current == 0) {
            // No library tables: nothing else to read.
            return Health.status(status).withDetails(details).build();
        }
        long queued = softDelete.cleanup().queue().length();
        details.put("cleanupQueued", queued);
        details.put("cleanupQueueThreshold", settings.getQueueThreshold());
        if (queued > settings.getQueueThreshold()) {
            status = worse(status, Status.OUT_OF_SERVICE);
            details.put("cleanupQueue", "backlog above the threshold");
        }
        if (scheduler != null) {
            details.put("cleanupWorkersPaused", scheduler.isPaused());
            if (scheduler.isPaused()) {
                status = worse(status, Status.OUT_OF_SERVICE);
                details.put("cleanup", "workers paused: circuit breaker open or paused by hand; resume after fixing the cause");
            }
        }
        Instant now = softDelete.clock().instant();
        List<Map<String, Object>> stuck = softDelete.runRegistry().list(settings.getRunsScanned()).stream()
                .filter(r -> r.status() == RunStatus.RUNNING && r.leaseUntil() != null && r.leaseUntil().isBefore(now))
                .map(SoftDeleteHealthIndicator::describe)
                .toList();
        if (!stuck.isEmpty()) {
            status = worse(status, Status.OUT_OF_SERVICE);
            details.put("stuckRuns", stuck);
        }
        return Health.status(status).withDetails(details).build();
    }

    private static Map<String, Object> describe(RunRecord run) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", run.id());
        d.put("name", run.name());
        d.put("leaseOwner", String.valueOf(run.leaseOwner()));
        d.put("leaseUntil", run.leaseUntil().toString());
        return d;
    }

    private static Status worse(Status a, Status b) {
        return a == Status.DOWN || b == Status.DOWN ? Status.DOWN : b;
    }
}
