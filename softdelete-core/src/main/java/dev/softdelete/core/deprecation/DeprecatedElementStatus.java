package dev.softdelete.core.deprecation;

import dev.softdelete.core.dialect.SchemaObjectType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One registry row on the dashboard.
 *
 * @param registryId       its row in {@code deprecations}
 * @param runId            the deprecation run that renamed it, or {@code null}
 * @param type             what it is
 * @param table            its table (for a table, enum type or sequence: its own name)
 * @param name             its original name
 * @param deprecatedName   its deprecated name, or {@code null}
 * @param state            PLANNED (watched), APPLIED or ROLLED_BACK
 * @param age              time since it was renamed (APPLIED), or since watched (PLANNED); zero otherwise
 * @param totalAccesses    accesses recorded under either name, ever
 * @param accessesSinceDeprecation accesses recorded since it was renamed (APPLIED only)
 * @param lastAccess       the latest recorded access, or {@code null}
 * @param lastCaller       the calling frame of the latest access, or {@code null}
 * @param removal          the verdict for removal (phase 2)
 */
public record DeprecatedElementStatus(long registryId, Long runId, SchemaObjectType type, String table, String name,
        String deprecatedName, DeprecationState state, Duration age, long totalAccesses, long accessesSinceDeprecation,
        Instant lastAccess, String lastCaller, Removal removal) {

    /** Whether an element may be considered for removal (phase 2, by hand: see docs/deprecation.md). */
    public enum Removal {
        /** Watched, not renamed yet. */
        NOT_DEPRECATED,
        /** Renamed, unused since, but younger than the cooling-off period. */
        COOLING_OFF,
        /** Renamed and accessed since: find the caller, change it (or roll back). */
        IN_USE,
        /** Renamed, unused since, older than the cooling-off period: removal may be proposed. */
        READY_FOR_REVIEW,
        /** Renamed back. */
        ROLLED_BACK
    }

    static DeprecatedElementStatus of(DeprecationRecord r, Instant now, long total, long since, Instant lastAccess,
            String lastCaller, Duration coolingOff) {
        Instant from = r.state() == DeprecationState.APPLIED ? r.renamedAt()
                : r.state() == DeprecationState.PLANNED ? r.createdAt() : null;
        Duration age = from == null ? Duration.ZERO : Duration.between(from, now);
        Removal removal = switch (r.state()) {
            case PLANNED -> Removal.NOT_DEPRECATED;
            case ROLLED_BACK -> Removal.ROLLED_BACK;
            case APPLIED -> since > 0 ? Removal.IN_USE
                    : age.compareTo(coolingOff) < 0 ? Removal.COOLING_OFF : Removal.READY_FOR_REVIEW;
        };
        return new DeprecatedElementStatus(r.id(), r.runId(), r.type(), r.table(), r.name(), r.deprecatedName(),
                r.state(), age, total, since, lastAccess, lastCaller, removal);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registry_id", registryId);
        m.put("run_id", runId);
        m.put("type", type.name());
        m.put("table", table);
        m.put("name", name);
        m.put("deprecated_name", deprecatedName);
        m.put("state", state.name());
        m.put("age", age);
        m.put("total_accesses", totalAccesses);
        m.put("accesses_since_deprecation", accessesSinceDeprecation);
        m.put("last_access", lastAccess);
        m.put("last_caller", lastCaller);
        m.put("removal", removal.name());
        return m;
    }
}
