package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.cleanup.JobStatus;
import dev.softdelete.core.deprecation.DeprecationStatus;
import dev.softdelete.core.registry.RunRecord;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code softdelete} Actuator endpoint, read-only: recent runs, the cleanup queue, the
 * deprecations' dashboard data and the setup check of every soft-deletable table
 * ({@code GET /actuator/softdelete}), one run
 * ({@code GET /actuator/softdelete/{id}}).
 */
@Endpoint(id = "softdelete", defaultAccess = Access.READ_ONLY)
public class SoftDeleteEndpoint {

    /** Runs listed by {@link #summary()}. */
    static final int RECENT_RUNS = 50;

    private final SoftDelete softDelete;

    /** An endpoint reading {@code softDelete}'s registry and queue. */
    public SoftDeleteEndpoint(SoftDelete softDelete) {
        this.softDelete = softDelete;
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
        out.put("cleanup", cleanup);
        DeprecationStatus status = softDelete.deprecations().status();
        Map<String, Object> deprecations = new LinkedHashMap<>();
        deprecations.put("counts", status.countByState());
        deprecations.put("accessesAfterDeprecation", status.accessesAfterDeprecation());
        deprecations.put("elements", status.elements());
        out.put("deprecations", deprecations);
        out.put("tables", softDelete.tableCheck().checkAll());
        return out;
    }

    /** One run with every registry field, or {@code null} (404) when there is none with that id. */
    @ReadOperation
    public RunRecord run(@Selector long id) {
        return softDelete.runRegistry().find(id).orElse(null);
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
