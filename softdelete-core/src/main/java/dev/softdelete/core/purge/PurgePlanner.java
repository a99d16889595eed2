package dev.softdelete.core.purge;

import dev.softdelete.core.catalog.Catalog;
import dev.softdelete.core.catalog.ColumnInfo;
import dev.softdelete.core.catalog.ForeignKeyInfo;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.schema.LibrarySchema;
import dev.softdelete.core.table.SoftDeletableTables;
import dev.softdelete.core.dialect.Identifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link PurgePlan} from the catalog: follows exported foreign keys from the policy's
 * table, keeps the children that carry the same marker column, and orders them children first
 * (a depth-first post-order, so a table reachable by two paths still precedes both parents).
 */
final class PurgePlanner {

    private final Catalog catalog;
    private final Dialect dialect;
    private final SoftDeletableTables declared;
    private final LibrarySchema library;

    PurgePlanner(Catalog catalog, Dialect dialect, SoftDeletableTables declared, LibrarySchema library) {
        this.catalog = catalog;
        this.dialect = dialect;
        this.declared = declared;
        this.library = library;
    }

    PurgePlan plan(Connection connection, RetentionPolicy policy) throws SQLException {
        TableInfo root = catalog.find(connection, dialect.identifier(policy.table()))
                .orElseThrow(() -> new dev.softdelete.core.catalog.UnknownTableException("Table '" + policy.table()
                        + "' does not exist in the current schema of " + dialect
                        + ". Check the retention policy's table name. Nothing was changed."));
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        Map<String, List<ForeignKeyInfo>> parentEdges = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        parentEdges.put(root.name(), List.of());
        visit(connection, root, policy, tables, parentEdges, order, new java.util.HashSet<>());
        List<PlanStep> steps = new ArrayList<>();
        for (String name : order) {
            TableInfo table = tables.get(name);
            String archive = name.equals(root.name()) ? policy.archiveTable() : name + "_archive";
            PlanStep step = new PlanStep(table, key(table), marker(table), parentEdges.get(name),
                    table.exportedKeys(), archive);
            step.keyCodec();
            for (String touched : List.of(name, archive)) {
                if (library.isLibraryTable(touched)) {
                    throw new PurgeConfigurationException("Table '" + touched + "' is one of the library's own tables"
                            + " (prefix '" + library.prefix() + "'); purge and archive never touch them. Name an"
                            + " application table in the retention policy. Nothing was changed.");
                }
            }
            steps.add(step);
        }
        return new PurgePlan(policy, steps);
    }

    private void visit(Connection connection, TableInfo table, RetentionPolicy policy, Map<String, TableInfo> tables,
            Map<String, List<ForeignKeyInfo>> parentEdges, List<String> order, java.util.Set<String> onPath)
            throws SQLException {
        tables.put(table.name(), table);
        onPath.add(table.name());
        for (ForeignKeyInfo fk : table.exportedKeys()) {
            String child = fk.childTable();
            if (child.equals(table.name()) || onPath.contains(child)) {
                continue; // self-reference or cycle: stays a blocker (NOT EXISTS guard), never a scope edge
            }
            Optional<TableInfo> childTable = tables.containsKey(child) ? Optional.of(tables.get(child))
                    : catalog.find(connection, Identifier.quoted(child));
            if (childTable.isEmpty() || !childTable.get().hasColumn(markerName(child))) {
                continue; // not soft-deletable: its rows block their parents, it is never deleted from
            }
            List<ForeignKeyInfo> edges = new ArrayList<>(parentEdges.getOrDefault(child, List.of()));
            edges.add(fk);
            parentEdges.put(child, edges);
            if (!tables.containsKey(child)) {
                visit(connection, childTable.get(), policy, tables, parentEdges, order, onPath);
            }
        }
        onPath.remove(table.name());
        order.add(table.name());
    }

    private static ColumnInfo key(TableInfo table) {
        if (table.primaryKey().size() != 1) {
            throw new PurgeConfigurationException("Table '" + table.name() + "' has "
                    + (table.primaryKey().isEmpty() ? "no primary key" : "a composite primary key " + table.primaryKey())
                    + "; purging needs a single-column primary key to batch by. Add one (or a surrogate id)."
                    + " Nothing was changed.");
        }
        return table.column(table.primaryKey().get(0)).orElseThrow();
    }

    /** The marker column of a table: as declared in {@code softDelete.tables()}, else the default. */
    private String markerName(String table) {
        return declared.describe(table).markerColumn();
    }

    private ColumnInfo marker(TableInfo table) {
        ColumnInfo marker = table.column(markerName(table.name())).orElseThrow(() -> new PurgeConfigurationException(
                "Table '" + table.name() + "' has no soft-delete marker column '" + markerName(table.name())
                        + "', so no row of it can be expired. Add the column or declare the table's marker with"
                        + " SoftDeletableTable.withMarkerColumn(...). Nothing was changed."));
        if (!marker.isTimestamp()) {
            throw new PurgeConfigurationException("Marker column '" + marker.name() + "' of table '" + table.name()
                    + "' is " + marker.typeName() + ", not a timestamp: a retention window needs to know when each"
                    + " row was deleted. Use a TIMESTAMP marker. Nothing was changed.");
        }
        return marker;
    }
}
