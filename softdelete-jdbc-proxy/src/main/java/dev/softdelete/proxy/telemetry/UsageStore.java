package dev.softdelete.proxy.telemetry;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.schema.LibraryTable;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code deprecated_usage}: one row per element and application instance, so evidence survives
 * restarts and every instance's accesses are visible to operators.
 */
public final class UsageStore {

    private final SoftDelete softDelete;
    private final String upsertSql;

    public UsageStore(SoftDelete softDelete) {
        this.softDelete = softDelete;
        this.upsertSql = UsageUpsert.of(softDelete.dialect().kind())
                .sql(softDelete.schema().table(LibraryTable.DEPRECATED_USAGE));
    }

    /** Adds these accesses in one transaction (one batch); returns the number of elements written. */
    public int add(List<UsageRecord> pending) {
        if (pending.isEmpty()) {
            return 0;
        }
        String instance = softDelete.instanceId();
        return softDelete.jdbc().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertSql)) {
                for (UsageRecord r : pending) {
                    softDelete.jdbc().bind(ps, r.element(), instance, r.accessCount(), r.firstAccess(), r.lastAccess(),
                            r.statementKind(), r.confidence(), r.sampleSql(), r.caller());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return pending.size();
        });
    }

    /** Every instance's rows, element by element. */
    public List<StoredUsage> all() {
        String sql = "SELECT element, instance_id, access_count, first_access, last_access, statement_kind, caller FROM "
                + softDelete.schema().table(LibraryTable.DEPRECATED_USAGE) + " ORDER BY element, instance_id";
        var dialect = softDelete.dialect();
        return softDelete.jdbc().withConnection(c -> softDelete.jdbc().query(c, sql, rs -> new StoredUsage(
                rs.getString("element"), rs.getString("instance_id"), rs.getLong("access_count"),
                dialect.getInstant(rs, "first_access"), dialect.getInstant(rs, "last_access"),
                rs.getString("statement_kind"), rs.getString("caller"))));
    }

    /** Latest access per element over all instances (seeds the quiet-period alerting after a restart). */
    public Map<String, Instant> lastAccessByElement() {
        Map<String, Instant> out = new HashMap<>();
        for (StoredUsage u : all()) {
            out.merge(u.element(), u.lastAccess(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return out;
    }

    /** One row of {@code deprecated_usage}. */
    public record StoredUsage(String element, String instanceId, long accessCount, Instant firstAccess,
            Instant lastAccess, String statementKind, String caller) {
    }
}
