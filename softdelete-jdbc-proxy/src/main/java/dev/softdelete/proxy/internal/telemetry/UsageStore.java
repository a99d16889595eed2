package dev.softdelete.proxy.internal.telemetry;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.UpsertColumn.Merge;
import dev.softdelete.core.dialect.UpsertColumn;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.proxy.telemetry.StoredUsage;
import dev.softdelete.proxy.telemetry.UsageRecord;
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

    /** The usage table of {@code softDelete}'s schema. */
    public UsageStore(SoftDelete softDelete) {
        this.softDelete = softDelete;
        this.upsertSql = softDelete.dialect().upsert(softDelete.schema().table(LibraryTable.DEPRECATED_USAGE),
                columns(softDelete.dialect()));
    }

    /**
     * The columns in parameter order, typed as in the schema scripts: counts add up, first access
     * keeps the earliest, last access the latest, the sample and caller the newest.
     */
    static List<UpsertColumn> columns(Dialect dialect) {
        String timestamp = dialect.timestampType();
        return List.of(UpsertColumn.key("element", "VARCHAR(400)"),
                UpsertColumn.key("instance_id", "VARCHAR(200)"),
                UpsertColumn.of("access_count", "BIGINT", Merge.ADD),
                UpsertColumn.of("first_access", timestamp, Merge.LEAST),
                UpsertColumn.of("last_access", timestamp, Merge.GREATEST),
                UpsertColumn.of("statement_kind", "VARCHAR(20)", Merge.REPLACE),
                UpsertColumn.of("confidence", "VARCHAR(20)", Merge.REPLACE),
                UpsertColumn.of("sample_sql", "VARCHAR(4000)", Merge.REPLACE),
                UpsertColumn.of("caller", "VARCHAR(1000)", Merge.REPLACE));
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
}
