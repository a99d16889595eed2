package dev.softdelete.core.runs;

import dev.softdelete.core.catalog.ColumnInfo;
import dev.softdelete.core.catalog.ForeignKeyInfo;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.internal.KeyCodec;
import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.jdbc.TimestampValue;
import dev.softdelete.core.runs.rule.InvalidRuleException;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.table.SoftDeletableTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The child tables a run on one table cascades to, read from the catalog's foreign keys (the
 * same graph the purge planner walks): every table that references a cascaded table through a
 * single-column foreign key to its key column and has a timestamp marker column (as
 * {@code softDelete.tables()} describes it) is a child, down the whole graph, parents before
 * children; a table reached by two paths is one child with two edges. A referencing table
 * without a marker column is a {@link Blocker} unless the rule set keeps its rows
 * ({@link RuleSet#keepsChildrenOf}). Self-references and cycles are not followed.
 */
final class Cascade {

    /** A table a run writes to: names as the catalog stores them, quoted. */
    record TableRef(String tableName, String table, String key, KeyCodec keyType, String marker, boolean markerHasZone,
            String deletedBy) {

        /** A marker instant bound as this table's marker column stores it. */
        TimestampValue markerValue(Instant instant) {
            return new TimestampValue(instant, markerHasZone);
        }
    }

    /**
     * A foreign key of a child to a table earlier in the cascade.
     *
     * @param parent index of the parent in {@link #children()}, or -1 for the run's own table
     * @param column the child's referencing column, quoted
     */
    record Edge(int parent, String column) {
    }

    /** A child table the run soft-deletes rows of, with its foreign keys to earlier tables. */
    record Child(TableRef ref, List<Edge> edges) {
    }

    /**
     * A table without a marker column whose rows reference a table of the cascade.
     *
     * @param tableName its name as the catalog stores it
     * @param table     quoted
     * @param column    its referencing column, quoted
     * @param parent    index of the referenced table in {@link #children()}, or -1 for the run's own table
     */
    record Blocker(String tableName, String table, String column, int parent) {
    }

    private final List<Child> children;
    private final List<Blocker> blockers;

    private Cascade(List<Child> children, List<Blocker> blockers) {
        this.children = List.copyOf(children);
        this.blockers = List.copyOf(blockers);
    }

    /** No child (runs whose spec predates cascading). */
    static Cascade none() {
        return new Cascade(List.of(), List.of());
    }

    List<Child> children() {
        return children;
    }

    List<Blocker> blockers() {
        return blockers;
    }

    /** Walks the foreign keys into {@code root} (key column {@code rootKey}, as the catalog names it). */
    static Cascade resolve(CoreContext sd, TableInfo root, String rootKey, RuleSet rules) {
        Dialect d = sd.dialect();
        // depth-first post-order over exported keys, reversed: parents before children
        List<String> postOrder = new ArrayList<>();
        Map<String, TableInfo> infos = new LinkedHashMap<>();
        Map<String, List<ForeignKeyInfo>> edges = new LinkedHashMap<>();
        List<ForeignKeyInfo> blocking = new ArrayList<>();
        infos.put(root.name(), root);
        visit(sd, root, rootKey, rules, infos, edges, blocking, postOrder, new HashSet<>());
        List<String> order = new ArrayList<>(postOrder);
        Collections.reverse(order);
        order.remove(root.name());
        Map<String, Integer> index = new LinkedHashMap<>();
        index.put(root.name(), -1);
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        List<Child> children = new ArrayList<>();
        for (String name : order) {
            TableInfo info = infos.get(name);
            List<Edge> childEdges = new ArrayList<>();
            for (ForeignKeyInfo fk : edges.get(name)) {
                childEdges.add(new Edge(index.get(fk.parentTable()), q(d, fk.childColumns().get(0))));
            }
            children.add(new Child(ref(sd, info), childEdges));
        }
        List<Blocker> blockers = new ArrayList<>();
        for (ForeignKeyInfo fk : blocking) {
            blockers.add(new Blocker(fk.childTable(), q(d, fk.childTable()), q(d, fk.childColumns().get(0)),
                    index.get(fk.parentTable())));
        }
        return new Cascade(children, blockers);
    }

    private static void visit(CoreContext sd, TableInfo table, String key, RuleSet rules, Map<String, TableInfo> infos,
            Map<String, List<ForeignKeyInfo>> edges, List<ForeignKeyInfo> blocking, List<String> postOrder,
            Set<String> onPath) {
        onPath.add(table.name());
        for (ForeignKeyInfo fk : table.exportedKeys()) {
            String child = fk.childTable();
            if (child.equals(table.name()) || onPath.contains(child) || sd.schema().isLibraryTable(child)
                    || rules.keepsChildrenOf(child)) {
                continue; // self-reference, cycle, or rows the rule set leaves as they are
            }
            Optional<TableInfo> childInfo = infos.containsKey(child) ? Optional.of(infos.get(child))
                    : sd.jdbc().withConnection(c -> sd.catalog().find(c, Identifier.quoted(child)));
            if (childInfo.isEmpty()) {
                continue;
            }
            if (fk.childColumns().size() != 1 || !fk.parentColumns().get(0).equalsIgnoreCase(key)) {
                throw new InvalidRuleException("Table " + child + " references " + table.name() + " through foreign key "
                        + fk.name() + " on " + fk.childColumns() + " -> " + fk.parentColumns() + "; runs follow"
                        + " single-column foreign keys to the key column (" + key + ") only. Keep its rows with"
                        + " RuleSet.Builder.keepChildren(\"" + child + "\") or exclude the parents it references."
                        + " Nothing was changed.");
            }
            Optional<ColumnInfo> marker = childInfo.get().column(sd.tables().describe(child).markerColumn());
            if (marker.isEmpty() || !marker.get().isTimestamp()) {
                blocking.add(fk);
                continue;
            }
            edges.computeIfAbsent(child, k -> new ArrayList<>()).add(fk);
            if (!infos.containsKey(child)) {
                infos.put(child, childInfo.get());
                visit(sd, childInfo.get(), keyColumn(sd, childInfo.get()), rules, infos, edges, blocking, postOrder,
                        onPath);
            }
        }
        onPath.remove(table.name());
        postOrder.add(table.name());
    }

    /** The key column of a child: as declared, else its single-column primary key, else the default. */
    private static String keyColumn(CoreContext sd, TableInfo table) {
        Optional<SoftDeletableTable> declared = sd.tables().find(table.name());
        if (declared.isPresent()) {
            return sd.catalog().requireColumn(table, declared.get().keyColumn()).name();
        }
        if (table.primaryKey().size() == 1) {
            return table.primaryKey().get(0);
        }
        return sd.catalog().requireColumn(table, SoftDeletableTable.DEFAULT_KEY).name();
    }

    /** A table of the cascade described for writing (also used for the tables an undo finds recorded). */
    static TableRef ref(CoreContext sd, TableInfo info) {
        Dialect d = sd.dialect();
        SoftDeletableTable described = sd.tables().describe(info.name());
        ColumnInfo key = sd.catalog().requireColumn(info, keyColumn(sd, info));
        KeyCodec codec = KeyCodec.of(key).orElseThrow(() -> new InvalidRuleException("Key column " + info.name() + "."
                + key.name() + " has type " + key.typeName() + "; a run records keys of integer, decimal, character,"
                + " UUID or binary columns. Nothing was changed."));
        ColumnInfo marker = sd.catalog().requireColumn(info, described.markerColumn());
        String deletedBy = described.deletedBy().flatMap(info::column).map(c -> q(d, c.name())).orElse(null);
        return new TableRef(info.name(), q(d, info.name()), q(d, key.name()), codec, q(d, marker.name()),
                marker.hasTimeZone(), deletedBy);
    }

    /**
     * SQL selecting the keys of the rows the run would soft-delete in table {@code index} (-1: the
     * run's own table, whose candidates are {@code rootKeys}), for preview counts.
     */
    Sql keysOf(int index, Sql rootKeys) {
        if (index < 0) {
            return rootKeys;
        }
        Child child = children.get(index);
        String alias = "ch" + index;
        return Sql.of("SELECT " + alias + "." + child.ref().key() + " FROM " + child.ref().table() + " " + alias + " WHERE ")
                .append(referencing(index, alias, rootKeys));
    }

    /** The condition on alias {@code alias} of child {@code index}: active and referencing a row the run changes. */
    Sql referencing(int index, String alias, Sql rootKeys) {
        Child child = children.get(index);
        Sql any = Sql.of(alias + "." + child.ref().marker() + " IS NULL AND (");
        for (int i = 0; i < child.edges().size(); i++) {
            Edge edge = child.edges().get(i);
            any = any.append((i == 0 ? "" : " OR ") + alias + "." + edge.column() + " IN (")
                    .append(keysOf(edge.parent(), rootKeys)).append(")");
        }
        return any.append(")");
    }

    /** SQL counting the rows of blocker {@code b} that reference a row the run would soft-delete. */
    Sql blockingRows(Blocker b, Sql rootKeys) {
        return Sql.of("SELECT COUNT(*) FROM " + b.table() + " b WHERE b." + b.column() + " IN (")
                .append(keysOf(b.parent(), rootKeys)).append(")");
    }

    private static String q(Dialect d, String catalogName) {
        return d.quote(Identifier.quoted(catalogName));
    }

    @Override
    public String toString() {
        return children.stream().map(c -> c.ref().tableName().toLowerCase(Locale.ROOT)).toList() + " blocked by "
                + blockers.stream().map(Blocker::tableName).toList();
    }
}
