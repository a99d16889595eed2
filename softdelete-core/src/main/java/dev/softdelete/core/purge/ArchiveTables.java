package dev.softdelete.core.purge;

import dev.softdelete.core.catalog.Catalog;
import dev.softdelete.core.catalog.ColumnInfo;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Creates archive tables on first use: the source table's columns and types (via
 * {@code CREATE TABLE ... AS SELECT ... WHERE 1 = 0}, no constraints, so archived rows never block
 * anything), plus {@code archived_at} and {@code archive_run_id}, indexed for archive retention.
 * Creation runs under a named lock so that several instances starting at once do not race.
 */
final class ArchiveTables {

    private final Catalog catalog;
    private final Dialect dialect;

    ArchiveTables(Catalog catalog, Dialect dialect) {
        this.catalog = catalog;
        this.dialect = dialect;
    }

    void ensure(Connection c, PurgePlan plan) throws SQLException {
        if (plan.policy().action() != PurgeAction.ARCHIVE) {
            return;
        }
        for (PlanStep step : plan.deleteOrder()) {
            dialect.withNamedLock(c, "softdelete.archive." + step.archiveTable(), Duration.ofSeconds(30), () -> {
                ensure(c, step);
                return null;
            });
        }
    }

    private void ensure(Connection c, PlanStep step) throws SQLException {
        Identifier archive = dialect.identifier(step.archiveTable());
        Optional<TableInfo> existing = catalog.find(c, archive);
        if (existing.isPresent()) {
            List<String> missing = step.table().columns().stream().map(ColumnInfo::name)
                    .filter(col -> !existing.get().hasColumn(col)).toList();
            if (!missing.isEmpty() || !existing.get().hasColumn("archived_at")) {
                throw new PurgeConfigurationException("Archive table '" + step.archiveTable() + "' lacks columns "
                        + missing + " of '" + step.name() + "' (or archived_at). Add them with the same types,"
                        + " or point the policy at a new archive table. Nothing was changed.");
            }
            return;
        }
        String table = dialect.quote(archive);
        String source = dialect.quote(Identifier.quoted(step.name()));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " AS SELECT * FROM " + source + " WHERE 1 = 0");
            s.execute("ALTER TABLE " + table + " ADD archived_at " + dialect.timestampType());
            s.execute("ALTER TABLE " + table + " ADD archive_run_id BIGINT");
            String index = step.archiveTable().length() > 50 ? step.archiveTable().substring(0, 50) : step.archiveTable();
            s.execute("CREATE INDEX " + dialect.quote(index + "_at_ix") + " ON " + table + " (archived_at)");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}
