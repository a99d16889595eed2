package dev.softdelete.proxy.internal.analysis;

import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.proxy.analysis.Confidence;
import dev.softdelete.proxy.analysis.WatchedElement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of what is watched: deprecated elements and soft-deletable tables, with
 * names folded by the database's {@link NameCase} for matching, and the prefilter over them.
 */
public final class WatchList {

    private final NameCase nameCase;
    private final Set<WatchedElement> elements;
    private final List<SoftDeletableTable> softDeletable;
    /** canonical table -> (canonical column -> element). */
    private final Map<String, Map<String, WatchedElement>> columns = new HashMap<>();
    private final Map<String, WatchedElement> tables = new HashMap<>();
    private final Map<String, SoftDeletableTable> softDeletableByName = new HashMap<>();
    private final NamePrefilter prefilter;
    /** As read from the catalog: table name -> its column names (as stored). */
    private final Map<String, Set<String>> catalog;
    /** canonical table -> canonical columns, from {@link #catalog}. */
    private final Map<String, Set<String>> catalogColumns = new HashMap<>();

    /** Watches {@code elements} and reports leaks from {@code softDeletable}, names compared by {@code nameCase}. */
    public WatchList(NameCase nameCase, Collection<WatchedElement> elements, Collection<SoftDeletableTable> softDeletable) {
        this(nameCase, elements, softDeletable, Map.of());
    }

    /**
     * As above, with the columns the catalog lists for some of the tables (table name -> column
     * names): a whole-row use of a table the catalog lists is an {@code EXACT} hit on a watched
     * column it has (and none on one it lacks), and an unqualified marker column belongs to the
     * table that has it.
     */
    public WatchList(NameCase nameCase, Collection<WatchedElement> elements, Collection<SoftDeletableTable> softDeletable,
            Map<String, Set<String>> catalog) {
        this.nameCase = nameCase;
        this.catalog = Map.copyOf(catalog);
        this.catalog.forEach((table, cols) -> {
            Set<String> canonical = new HashSet<>();
            cols.forEach(c -> canonical.add(nameCase.canonical(c)));
            catalogColumns.put(nameCase.canonical(table), canonical);
        });
        this.elements = Set.copyOf(new LinkedHashSet<>(elements));
        this.softDeletable = List.copyOf(softDeletable);
        List<String> names = new ArrayList<>();
        for (WatchedElement e : this.elements) {
            String table = nameCase.canonical(e.table());
            if (e.isTable()) {
                tables.put(table, e);
                names.add(e.table());
            } else {
                columns.computeIfAbsent(table, t -> new HashMap<>()).put(nameCase.canonical(e.column()), e);
                names.add(e.column());
                names.add(e.table()); // SELECT * on the table is a possible hit without naming the column
            }
        }
        for (SoftDeletableTable t : this.softDeletable) {
            softDeletableByName.put(nameCase.canonical(t.table()), t);
            names.add(t.table());
        }
        this.prefilter = new NamePrefilter(names);
    }

    /** How names are compared. */
    public NameCase nameCase() {
        return nameCase;
    }

    /** The watched tables and columns. */
    public Set<WatchedElement> elements() {
        return elements;
    }

    /** The tables whose reads must filter on their marker column. */
    public List<SoftDeletableTable> softDeletable() {
        return softDeletable;
    }

    /** This list with other elements and soft-deletable tables. */
    public WatchList with(Collection<WatchedElement> newElements, Collection<SoftDeletableTable> newSoftDeletable) {
        return new WatchList(nameCase, newElements, newSoftDeletable, catalog);
    }

    /** This list with other catalog columns (table name -> column names). */
    public WatchList withCatalog(Map<String, Set<String>> newCatalog) {
        return new WatchList(nameCase, elements, softDeletable, newCatalog);
    }

    /** The catalog columns this list knows (table name -> column names). */
    public Map<String, Set<String>> catalog() {
        return catalog;
    }

    /**
     * The tables whose columns matter to the analysis: those with a watched column and the
     * soft-deletable ones (their names as configured).
     */
    public Set<String> tablesNeedingColumns() {
        Set<String> out = new LinkedHashSet<>();
        elements.stream().filter(e -> !e.isTable()).forEach(e -> out.add(e.table()));
        softDeletable.forEach(t -> out.add(t.table()));
        return out;
    }

    /**
     * Whether table {@code table} has column {@code column} (canonical names): TRUE or FALSE when
     * the catalog lists the table, else TRUE for a soft-deletable table's marker and null (unknown).
     */
    Boolean hasColumn(String table, String column) {
        Set<String> cols = catalogColumns.get(table);
        if (cols != null) {
            return cols.contains(column);
        }
        SoftDeletableTable soft = softDeletableByName.get(table);
        if (soft != null && nameCase.canonical(soft.markerColumn()).equals(column)) {
            return Boolean.TRUE;
        }
        return null;
    }

    /**
     * The confidence of a whole-row use of a watched column: EXACT when the catalog lists it,
     * null when the catalog lists the table without it, POSSIBLE when the catalog does not know the table.
     */
    Confidence confirmedColumn(String table, String column) {
        Set<String> cols = catalogColumns.get(table);
        if (cols == null) {
            return Confidence.POSSIBLE;
        }
        return cols.contains(column) ? Confidence.EXACT : null;
    }

    boolean mightMatch(String sql) {
        return prefilter.mightMatch(sql);
    }

    /** The watched column {@code column} of {@code table} (canonical names), or null. */
    WatchedElement column(String table, String column) {
        Map<String, WatchedElement> byColumn = columns.get(table);
        return byColumn == null ? null : byColumn.get(column);
    }

    /** Watched columns of a table (canonical name); empty when none. */
    Collection<WatchedElement> columnsOf(String table) {
        Map<String, WatchedElement> byColumn = columns.get(table);
        return byColumn == null ? List.of() : byColumn.values();
    }

    /** The watched table with this canonical name, or null. */
    WatchedElement table(String table) {
        return tables.get(table);
    }

    /** The soft-deletable table with this canonical name, or null. */
    SoftDeletableTable softDeletable(String table) {
        return softDeletableByName.get(table);
    }

    String canonical(String written) {
        return nameCase.canonical(written);
    }
}
