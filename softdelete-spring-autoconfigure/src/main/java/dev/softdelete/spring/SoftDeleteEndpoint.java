package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.cleanup.CleanupScheduler;
import dev.softdelete.core.cleanup.JobStatus;
import dev.softdelete.core.migration.FieldMigrationState;
import dev.softdelete.core.deprecation.DeprecationStatus;
import dev.softdelete.core.registry.RunRecord;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import dev.softdelete.core.runs.Preview;
import dev.softdelete.core.runs.RuleSetDocument;
import dev.softdelete.core.runs.RunOptions;
import dev.softdelete.core.runs.RunProgress;
import dev.softdelete.core.runs.Runs;

/**
 * The {@code softdelete} Actuator endpoint. Read: recent runs, the cleanup queue, the
 * deprecations' dashboard data and the setup check of every soft-deletable table
 * ({@code GET /actuator/softdelete}), one run ({@code GET /actuator/softdelete/{id}}) and a run's
 * progress ({@code GET /actuator/softdelete/{id}/progress}). Write (only where the host grants
 * {@code management.endpoint.softdelete.access=unrestricted}):
 * {@code POST /actuator/softdelete} (body {@code rules}: a {@link RuleSetDocument}) previews;
 * {@code POST /actuator/softdelete/{action}/{run}} with {@code apply} or {@code approve} (a
 * preview's id; apply submits a background run and returns its progress at once), {@code pause},
 * {@code resume}, {@code cancel}, {@code undo} or {@code takeover} (a run's id). Every change is
 * audited by the library as the host's {@code ActorProvider} names the caller.
 */
@Endpoint(id = "softdelete", defaultAccess = Access.READ_ONLY)
public class SoftDeleteEndpoint {

    /** Runs listed by {@link #summary()}. */
    static final int RECENT_RUNS = 50;
    /** Audit entries listed by {@link #summary()}. */
    static final int RECENT_AUDIT = 50;

    private final SoftDelete softDelete;
    private final CleanupScheduler scheduler;

    /** An endpoint reading {@code softDelete}'s registry and queue. */
    public SoftDeleteEndpoint(SoftDelete softDelete) {
        this(softDelete, null);
    }

    /** The same, also showing whether this instance's cleanup workers ({@code scheduler}, may be null) are paused. */
    public SoftDeleteEndpoint(SoftDelete softDelete, CleanupScheduler scheduler) {
        this.softDelete = softDelete;
        this.scheduler = scheduler;
    }

    /**
     * The most recent runs (newest first, without their specs), the cleanup queue's counts per
     * status, and the deprecation registry ({@code softDelete.deprecations().status()}: counts per
     * state, accesses after deprecation, one entry per element with its removal verdict), and a fresh setup check of every soft-deletable table ({@code tables}: columns,
     * indexes, unique keys, active and deleted rows, size, problems and warnings; counting reads
     * each table once).
     */
    @ReadOperation
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", softDelete.runRegistry().list(RECENT_RUNS).stream().map(SoftDeleteEndpoint::brief).toList());
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(softDelete.cleanup().queue().counts());
        Map<String, Object> cleanup = new LinkedHashMap<>();
        cleanup.put("jobs", counts);
        if (scheduler != null) {
            cleanup.put("workersPaused", scheduler.isPaused()); // circuit breaker open, or paused by hand
        }
        out.put("cleanup", cleanup);
        DeprecationStatus status = softDelete.deprecations().status();
        Map<String, Object> deprecations = new LinkedHashMap<>();
        deprecations.put("counts", status.countByState());
        deprecations.put("accessesAfterDeprecation", status.accessesAfterDeprecation());
        deprecations.put("elements", status.elements());
        out.put("deprecations", deprecations);
        out.put("tables", softDelete.tableCheck().checkAll());
        List<Map<String, Object>> migrations = new java.util.ArrayList<>();
        for (FieldMigrationState m : softDelete.fieldMigrations().list(RECENT_RUNS)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", m.name());
            d.put("phase", m.phase());
            d.put("paused", m.paused());
            d.put("progress", softDelete.fieldMigrations().progress(m.name()));
            migrations.add(d);
        }
        out.put("fieldMigrations", migrations);
        out.put("audit", softDelete.auditLog().recent(RECENT_AUDIT));
        return out;
    }

    /** One run with every registry field, or {@code null} (404) when there is none with that id. */
    @ReadOperation
    public RunRecord run(@Selector long id) {
        return softDelete.runRegistry().find(id).orElse(null);
    }

    /** A run's progress from the database (ranges done, rows, ETA), or {@code null} (404) for an unknown run. */
    @ReadOperation
    public RunProgress progress(@Selector long id, @Selector String aspect) {
        if (!"progress".equals(aspect) || softDelete.runRegistry().find(id).isEmpty()) {
            return null;
        }
        return softDelete.runs().progress(id);
    }

    /**
     * Previews the rules of a rule-set document ({@link RuleSetDocument}, body field {@code rules}):
     * counts, sample ids, children per table; registered as a preview run whose id
     * {@code apply} takes, on any instance, after a restart too.
     */
    @WriteOperation
    public Preview preview(String rules) {
        return badRequestOnBadInput(() -> softDelete.runs().preview(RuleSetDocument.read(rules)));
    }

    /**
     * Acts on run {@code run}: {@code apply} submits the preview {@code run} as a background run
     * and returns its progress at once (workers on any instance apply it:
     * {@code softdelete.runs.workers}); {@code approve} approves the preview {@code run} (two-person
     * rule); {@code pause}, {@code resume}, {@code cancel}, {@code undo} and {@code takeover}
     * (resume after its worker died) act on the run {@code run}.
     *
     * @throws IllegalArgumentException (400) for an unknown action
     */
    @WriteOperation
    public Object act(@Selector String action, @Selector long run) {
        Runs runs = softDelete.runs();
        return badRequestOnBadInput(() -> switch (action) {
            case "apply" -> runs.progress(runs.submit(runs.storedPreview(run), RunOptions.defaults()));
            case "approve" -> {
                runs.approve(run);
                yield Map.of("approved", run);
            }
            case "pause" -> runs.pause(run);
            case "resume", "takeover" -> runs.resume(run);
            case "cancel" -> runs.cancel(run);
            case "undo" -> runs.undo(run);
            default -> throw new IllegalArgumentException("Unknown action '" + action + "': use apply, approve, pause,"
                    + " resume, cancel, undo or takeover.");
        });
    }

    /**
     * Bad input (an unknown action, a malformed or unsafe rule set, a run in the wrong state, an
     * unknown id) answers 400 with the library's message; a database failure stays a server error.
     */
    private static <T> T badRequestOnBadInput(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (dev.softdelete.core.jdbc.DataAccessException e) {
            throw e;
        } catch (dev.softdelete.core.SoftDeleteException | IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
    }

    private static Map<String, Object> brief(RunRecord run) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", run.id());
        d.put("kind", run.kind());
        d.put("name", run.name());
        d.put("table", run.targetTable());
        d.put("mode", run.mode());
        d.put("status", run.status());
        d.put("matched", run.matchedCount());
        d.put("affected", run.affectedCount());
        d.put("operator", run.operator());
        d.put("createdAt", run.createdAt());
        d.put("finishedAt", run.finishedAt());
        return d;
    }
}
