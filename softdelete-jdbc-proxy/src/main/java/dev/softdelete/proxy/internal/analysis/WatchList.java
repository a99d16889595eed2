package dev.softdelete.proxy.internal.analysis;

import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.proxy.analysis.WatchedElement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

    /** Watches {@code elements} and reports leaks from {@code softDeletable}, names compared by {@code nameCase}. */
    public WatchList(NameCase nameCase, Collection<WatchedElement> elements, Collection<SoftDeletableTable> softDeletable) {
        this.nameCase = nameCase;
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
        return new WatchList(nameCase, newElements, newSoftDeletable);
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
