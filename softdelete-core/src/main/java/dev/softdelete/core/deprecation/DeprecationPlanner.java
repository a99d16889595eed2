package dev.softdelete.core.deprecation;

import dev.softdelete.core.catalog.ForeignKeyInfo;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.dialect.InvalidIdentifierException;
import dev.softdelete.core.dialect.SchemaDependency;
import dev.softdelete.core.dialect.SchemaObjectType;
import dev.softdelete.core.dialect.SchemaObjects;
import dev.softdelete.core.internal.context.CoreContext;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Builds {@link DeprecationPlan}s from the catalog, the registry and the usage evidence; changes nothing. */
final class DeprecationPlanner {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);

    private final CoreContext context;
    private final Dialect dialect;
    private final SchemaObjects objects;
    private final DeprecationRegistry registry;
    private final DeprecatedUsage usage;

    DeprecationPlanner(CoreContext context, DeprecationRegistry registry, DeprecatedUsage usage) {
        this.context = context;
        this.dialect = context.dialect();
        this.objects = dialect.schemaObjects();
        this.registry = registry;
        this.usage = usage;
    }

    /** An element resolved to its stored names. */
    record Resolved(SchemaObjectType type, String table, String name, TableInfo tableInfo) {
        String registryTable() {
            return table == null ? name : table;
        }
    }

    DeprecationPlan plan(Connection c, DeprecationRequest request) throws SQLException {
        Instant now = context.clock().instant();
        String day = DAY.format(now);
        List<PlannedElement> elements = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> newNames = new HashSet<>();
        int step = 0;
        List<Resolved> resolved = new ArrayList<>();
        for (DeprecationTarget target : request.targets()) {
            Resolved r = resolve(c, target);
            String key = r.type() + "|" + r.registryTable().toLowerCase(Locale.ROOT) + "|"
                    + r.name().toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw new DeprecationInputException(target + " is listed twice in the request: list each element once.");
            }
            refuseAlreadyDeprecated(c, target, r);
            resolved.add(r);
            List<SchemaDependency> dependencies = dependencies(c, r);
            String scope = r.type() == SchemaObjectType.COLUMN ? r.table().toLowerCase(Locale.ROOT) + "|" : "";
            String newName = DeprecationNames.newName(dialect, r.name(), day, request.reason(), candidate -> {
                if (newNames.contains(scope + candidate.toLowerCase(Locale.ROOT))) {
                    return true;
                }
                try {
                    return objects.nameTaken(c, r.type(), r.table(), candidate);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            newNames.add(scope + newName.toLowerCase(Locale.ROOT));
            UsageEvidence evidence = evidence(c, r, now);
            List<BlockReason> reasons = reasons(r, dependencies, evidence, request.quietPeriod(), now);
            elements.add(new PlannedElement(++step, r.type(), r.table(), r.name(), newName, dependencies, evidence,
                    reasons.isEmpty() ? Verdict.SAFE : Verdict.BLOCKED, reasons));
        }
        for (Resolved table : resolved) {
            if (table.type() != SchemaObjectType.TABLE) {
                continue;
            }
            for (Resolved part : resolved) {
                if (part.type().belongsToTable() && part.table().equalsIgnoreCase(table.name())) {
                    throw new DeprecationInputException("Cannot deprecate " + part.type() + " " + part.table() + "."
                            + part.name() + " with its table " + table.name() + " in one request: renaming the table"
                            + " covers it. List the table alone, or its parts alone; nothing was planned.");
                }
            }
        }
        return new DeprecationPlan(request, now, day, elements, DeprecationPlan.tokenOf(request, day, elements));
    }

    Resolved resolve(Connection c, DeprecationTarget target) throws SQLException {
        String unsupported = objects.unsupported(target.type());
        if (unsupported != null) {
            throw new DeprecationInputException("Cannot deprecate " + target + ": " + unsupported
                    + " Nothing was planned.");
        }
        try {
            dialect.identifier(target.name());
            if (target.table() != null) {
                dialect.identifier(target.table());
            }
        } catch (InvalidIdentifierException e) {
            throw new DeprecationInputException("Cannot deprecate " + target + ": " + e.getMessage()
                    + " Nothing was planned.", e);
        }
        String tableName = target.type() == SchemaObjectType.TABLE ? target.name() : target.table();
        TableInfo info = null;
        if (tableName != null) {
            if (context.schema().isLibraryTable(tableName)) {
                throw new DeprecationInputException("Cannot deprecate " + target + ": '" + tableName
                        + "' is one of the library's own tables. Nothing was planned.");
            }
            info = context.catalog().find(c, Identifier.of(tableName)).orElse(null);
            if (info == null) {
                refuseIfDeprecated(c, target, SchemaObjectType.TABLE, tableName, tableName);
                throw new DeprecationInputException("Cannot deprecate " + target + ": table '" + tableName
                        + "' does not exist in the current schema of " + dialect.kind() + ". Check the name and the"
                        + " connection's schema; nothing was planned.");
            }
        }
        TableInfo table = info;
        Optional<String> stored = switch (target.type()) {
            case TABLE -> Optional.of(table.name());
            case COLUMN -> table.column(target.name()).map(col -> col.name());
            default -> objects.find(c, target.type(), table == null ? null : table.name(), target.name());
        };
        if (stored.isEmpty()) {
            refuseIfDeprecated(c, target, target.type(), table == null ? target.name() : table.name(), target.name());
        }
        String name = stored.orElseThrow(() -> new DeprecationInputException("Cannot deprecate " + target + ": no "
                + target.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " named '" + target.name() + "'"
                + (table == null ? "" : " on table '" + table.name() + "'") + " in the current schema of "
                + dialect.kind() + ". Check the name; nothing was planned."));
        return new Resolved(target.type(), target.type().belongsToTable() ? table.name() : null, name, table);
    }

    /** A missing element that the registry shows renamed: say so rather than "unknown". */
    private void refuseIfDeprecated(Connection c, DeprecationTarget target, SchemaObjectType type, String table,
            String name) throws SQLException {
        for (DeprecationRecord row : registry.forElement(c, type, table, name)) {
            if (row.state() == DeprecationState.APPLIED) {
                throw new DeprecationInputException("Cannot deprecate " + target + ": it is already deprecated, renamed"
                        + " to '" + row.deprecatedName() + "' by deprecation run " + row.runId() + ". Nothing was"
                        + " planned; roll that run back first if the element is needed again.");
            }
        }
    }

    private void refuseAlreadyDeprecated(Connection c, DeprecationTarget target, Resolved r) throws SQLException {
        if (DeprecationNames.DEPRECATED.matcher(r.name()).matches()
                || !registry.appliedUnderDeprecatedName(c, r.type(), r.registryTable(), r.name()).isEmpty()) {
            throw new DeprecationInputException("Cannot deprecate " + target + ": '" + r.name() + "' is already a"
                    + " deprecated name. Roll its deprecation back first if it is needed again; nothing was planned.");
        }
        for (DeprecationRecord row : registry.forElement(c, r.type(), r.registryTable(), r.name())) {
            if (row.state() == DeprecationState.APPLIED) {
                throw new DeprecationInputException("Cannot deprecate " + target + ": it is already deprecated as '"
                        + row.deprecatedName() + "' by run " + row.runId() + " (registry row " + row.id() + "), yet"
                        + " an element of that name exists again. Check the registry; nothing was planned.");
            }
        }
    }

    private List<SchemaDependency> dependencies(Connection c, Resolved r) throws SQLException {
        List<SchemaDependency> out = new ArrayList<>();
        TableInfo t = r.tableInfo();
        switch (r.type()) {
            case TABLE -> {
                for (ForeignKeyInfo fk : t.exportedKeys()) {
                    boolean self = fk.childTable().equalsIgnoreCase(t.name());
                    out.add(new SchemaDependency(self ? "FOREIGN_KEY_OUT" : "FOREIGN_KEY_IN", fk.name(),
                            fk.childTable() + fk.childColumns() + " references it" + (self ? " (itself: moves with it)"
                                    : ": inserts into " + fk.childTable() + " would keep needing it"), !self));
                }
                for (ForeignKeyInfo fk : t.importedKeys()) {
                    if (!fk.parentTable().equalsIgnoreCase(t.name())) {
                        out.add(new SchemaDependency("FOREIGN_KEY_OUT", fk.name(), "references " + fk.parentTable()
                                + fk.parentColumns() + " (moves with it)", false));
                    }
                }
                indexes(c, t.name()).forEach((index, cols) -> out.add(new SchemaDependency("INDEX", index,
                        "index on " + cols + " (moves with it)", false)));
            }
            case COLUMN -> {
                if (t.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(r.name()))) {
                    out.add(new SchemaDependency("PRIMARY_KEY", t.name() + ".pk", "part of the primary key "
                            + t.primaryKey(), true));
                }
                for (ForeignKeyInfo fk : t.importedKeys()) {
                    if (fk.childColumns().stream().anyMatch(col -> col.equalsIgnoreCase(r.name()))) {
                        out.add(new SchemaDependency("FOREIGN_KEY", fk.name(), "references " + fk.parentTable()
                                + fk.parentColumns() + ": the constraint keeps checking it", true));
                    }
                }
                for (ForeignKeyInfo fk : t.exportedKeys()) {
                    if (fk.parentColumns().stream().anyMatch(col -> col.equalsIgnoreCase(r.name()))) {
                        out.add(new SchemaDependency("FOREIGN_KEY", fk.name(), fk.childTable() + fk.childColumns()
                                + " references it", true));
                    }
                }
                indexes(c, t.name()).forEach((index, cols) -> {
                    if (cols.stream().anyMatch(col -> col.equalsIgnoreCase(r.name()))) {
                        out.add(new SchemaDependency("INDEX", index, "index on " + cols + " (moves with it)", false));
                    }
                });
            }
            default -> {
                // indexes, constraints, enum types, sequences: the database's own catalog only
            }
        }
        out.addAll(objects.dependencies(c, r.type(), r.table(), r.name()));
        softDeleteUse(r).ifPresent(out::add);
        return out;
    }

    /**
     * A table declared soft-deletable ({@code softDelete.tables()}: by the builder or the Hibernate
     * integration), or its key, marker or deleted-by column: the library itself (and the proxy's
     * leak detection) reads them, so renaming one breaks soft delete, runs and purge.
     */
    private java.util.Optional<SchemaDependency> softDeleteUse(Resolved r) {
        if (r.type() != SchemaObjectType.TABLE && r.type() != SchemaObjectType.COLUMN) {
            return java.util.Optional.empty();
        }
        for (var declared : context.tables().all()) {
            if (!declared.table().equalsIgnoreCase(r.registryTable())) {
                continue;
            }
            if (r.type() == SchemaObjectType.TABLE) {
                return java.util.Optional.of(new SchemaDependency("SOFT_DELETABLE", declared.table(),
                        "declared soft-deletable (softDelete.tables()): soft delete, runs, purge and the proxy use it",
                        true));
            }
            List<String> used = new ArrayList<>(List.of(declared.keyColumn(), declared.markerColumn()));
            declared.deletedBy().ifPresent(used::add);
            if (used.stream().anyMatch(col -> col.equalsIgnoreCase(r.name()))) {
                return java.util.Optional.of(new SchemaDependency("SOFT_DELETABLE", declared.table() + "." + r.name(),
                        "key, marker or deleted-by column of a soft-deletable table (softDelete.tables())", true));
            }
        }
        return java.util.Optional.empty();
    }

    /** Index name to its columns, from JDBC metadata. */
    private Map<String, List<String>> indexes(Connection c, String table) throws SQLException {
        Dialect.Scope scope = dialect.scope(c);
        Map<String, TreeMap<Integer, String>> byIndex = new LinkedHashMap<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getIndexInfo(scope.catalog(), scope.schema(), table, false, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null && table.equals(rs.getString("TABLE_NAME"))) {
                    byIndex.computeIfAbsent(index, k -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"), column);
                }
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        byIndex.forEach((k, v) -> out.put(k, List.copyOf(v.values())));
        return out;
    }

    /** The proxy's recorded accesses under the element's names, and the database's statistics. */
    UsageEvidence evidence(Connection c, Resolved r, Instant now) throws SQLException {
        Map<String, Object> stats = objects.statistics(c, r.type(), r.table(), r.name());
        boolean visible = r.type() == SchemaObjectType.TABLE || r.type() == SchemaObjectType.COLUMN;
        if (!visible) {
            return new UsageEvidence(false, null, 0, null, List.of(), List.of(), stats);
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key(r, r.name()));
        Instant watchedSince = null;
        for (DeprecationRecord row : registry.forElement(c, r.type(), r.registryTable(), r.name())) {
            if (row.deprecatedName() != null) {
                keys.add(key(r, row.deprecatedName()));
            }
            if (row.watch() && (watchedSince == null || row.createdAt().isBefore(watchedSince))) {
                watchedSince = row.createdAt();
            }
        }
        long count = 0;
        Instant last = null;
        Map<String, String> callers = new TreeMap<>();
        Set<String> instances = new java.util.TreeSet<>();
        for (DeprecatedUsage.Row row : usage.rows(c, keys)) {
            count += row.count();
            if (last == null || row.lastAccess().isAfter(last)) {
                last = row.lastAccess();
            }
            if (watchedSince == null || row.firstAccess().isBefore(watchedSince)) {
                watchedSince = row.firstAccess();
            }
            if (row.caller() != null) {
                callers.put(row.instance() + "|" + row.element(), row.caller());
            }
            instances.add(row.instance());
        }
        return new UsageEvidence(true, watchedSince, count, last, new ArrayList<>(new LinkedHashSet<>(callers.values())),
                new ArrayList<>(instances), stats);
    }

    private static String key(Resolved r, String name) {
        return r.type() == SchemaObjectType.COLUMN ? r.table() + "." + name : name;
    }

    private static List<BlockReason> reasons(Resolved r, List<SchemaDependency> dependencies, UsageEvidence evidence,
            Duration quietPeriod, Instant now) {
        List<BlockReason> reasons = new ArrayList<>();
        for (SchemaDependency d : dependencies) {
            if (!d.blocking()) {
                continue;
            }
            if (d.kind().equals("PRIMARY_KEY") && r.type() == SchemaObjectType.COLUMN) {
                reasons.add(new BlockReason(BlockReason.PRIMARY_KEY, r.name() + " is " + d.detail()
                        + ": a key column cannot go. Deprecate the table instead."));
            } else {
                reasons.add(new BlockReason(BlockReason.DEPENDENCY, d.kind() + " " + d.name() + ": " + d.detail()
                        + ". Change or drop it first."));
            }
        }
        if (evidence.statementVisible()) {
            if (evidence.lastAccess() != null && evidence.lastAccess().isAfter(now.minus(quietPeriod))) {
                reasons.add(new BlockReason(BlockReason.RECENT_ACCESS, "accessed " + evidence.accessCount()
                        + " time(s), last at " + evidence.lastAccess() + " (within the quiet period of " + quietPeriod
                        + ") by " + evidence.callers() + ". Change that code first, then wait the quiet period."));
            } else if (evidence.watchedSince() == null) {
                reasons.add(new BlockReason(BlockReason.NOT_WATCHED, "nothing watched it yet, so there is no"
                        + " evidence either way. Watch it first (softDelete.deprecations().watch(...), with the JDBC"
                        + " proxy's telemetry on), wait the quiet period of " + quietPeriod + ", then plan again."));
            } else if (evidence.lastAccess() == null && evidence.watchedSince().isAfter(now.minus(quietPeriod))) {
                reasons.add(new BlockReason(BlockReason.WATCHED_TOO_SHORT, "watched since " + evidence.watchedSince()
                        + ", less than the quiet period of " + quietPeriod + ". Plan again after "
                        + evidence.watchedSince().plus(quietPeriod) + "."));
            }
        }
        return reasons;
    }
}
