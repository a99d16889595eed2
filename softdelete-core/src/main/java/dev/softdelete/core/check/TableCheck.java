package dev.softdelete.core.check;

import dev.softdelete.core.catalog.ColumnInfo;
import dev.softdelete.core.catalog.IndexInfo;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.catalog.UniqueKeyInfo;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.jdbc.TimestampValue;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.table.SoftDeletableTable;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The setup check of the declared soft-deletable tables ({@code softDelete.tables()}): for each,
 * whether its key, marker and deleted-by columns exist with suitable types, whether an index is led
 * by the marker, which rows its unique keys cover, how many rows are active and deleted, and how
 * much space it takes where the database says, and how many rows were deleted in the last day. Obtain it with {@code softDelete.tableCheck()}.
 *
 * <pre>{@code
 * for (TableReport report : softDelete.tableCheck().checkAll()) {
 *     report.problems().forEach(log::error);
 *     report.warnings().forEach(log::warn);
 * }
 * }</pre>
 *
 * Counting reads every row of the table once ({@code COUNT(*)}, under the library's statement
 * timeout), so run it on demand or on a schedule, not per request. Each check also updates the
 * gauges {@value MetricNames#TABLE_ROWS} (tags {@code table}, {@code state} = {@code active} |
 * {@code deleted}) and {@value MetricNames#TABLE_SIZE} (tag {@code table}), which report the
 * latest check's values and never read the database themselves.
 */
public final class TableCheck {

    /** The generated flag column (1 when active, {@code NULL} when deleted) that active-only unique keys include where there are no partial indexes. */
    public static final String ACTIVE_FLAG_COLUMN = "sd_active";

    private static final Set<Integer> TEXT_TYPES = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR,
            Types.NCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);

    private final CoreContext context;
    private final Map<String, TableReport> latest = new ConcurrentHashMap<>();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    /** A check on the context's catalog and declared tables. */
    public TableCheck(CoreContext context) {
        this.context = context;
    }

    /** Checks every declared table, in name order. */
    public List<TableReport> checkAll() {
        return context.tables().all().stream().sorted(Comparator.comparing(SoftDeletableTable::table))
                .map(this::check).toList();
    }

    /** Checks {@code table} as declared to {@code softDelete.tables()} (or with the defaults when it is not declared). */
    public TableReport check(String table) {
        return check(context.tables().describe(table));
    }

    /** Checks one table. */
    public TableReport check(SoftDeletableTable table) {
        TableReport report = inspect(table);
        latest.put(key(table.table()), report);
        registerGauges(table.table());
        return report;
    }

    /** The latest report of every table checked so far, by table name (lower case); reads nothing. */
    public Map<String, TableReport> latest() {
        return Map.copyOf(latest);
    }

    private TableReport inspect(SoftDeletableTable declared) {
        String name = declared.table();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<TableInfo> found = context.catalog().find(name);
        if (found.isEmpty()) {
            problems.add("Table " + name + " does not exist in the current schema: create it, or stop declaring it"
                    + " soft-deletable (check the name and the connection's schema).");
            ColumnReport by = declared.deletedBy().map(ColumnReport::missing).orElse(null);
            return new TableReport(name, false, ColumnReport.missing(declared.keyColumn()),
                    ColumnReport.missing(declared.markerColumn()), by, List.of(), List.of(), null, null, null, null,
                    context.clock().instant(), problems, warnings);
        }
        TableInfo table = found.get();

        ColumnReport key = column(table, declared.keyColumn(), c -> isUniqueKey(table, c.name()));
        if (!key.present()) {
            problems.add("Key column " + declared.keyColumn() + " is missing from " + name + ": declare the table's"
                    + " single-column key with withKeyColumn(...).");
        } else if (!key.suitable()) {
            problems.add("Key column " + declared.keyColumn() + " of " + name + " is neither the primary key nor"
                    + " unique: runs page and record rows by it; declare a unique column with withKeyColumn(...).");
        }

        ColumnReport marker = column(table, declared.markerColumn(), c -> c.isTimestamp() && c.nullable());
        if (!marker.present()) {
            problems.add("Marker column " + declared.markerColumn() + " is missing from " + name + ": add a nullable"
                    + " timestamp column (" + context.dialect().timestampType() + " or a timestamp without zone"
                    + " holding UTC), or declare the right one with withMarkerColumn(...).");
        } else if (!marker.suitable()) {
            problems.add("Marker column " + declared.markerColumn() + " of " + name + " is " + marker.type()
                    + (marker.nullable() ? "" : " NOT NULL") + ": it must be a nullable timestamp (NULL while the row"
                    + " is active).");
        }

        ColumnReport deletedBy = null;
        if (declared.deletedBy().isPresent()) {
            String column = declared.deletedBy().get();
            deletedBy = column(table, column, c -> TEXT_TYPES.contains(c.jdbcType()) && c.nullable());
            if (!deletedBy.present()) {
                problems.add("Deleted-by column " + column + " is missing from " + name + ": add a nullable"
                        + " VARCHAR(100) column, or declare none with withDeletedByColumn(null).");
            } else if (!deletedBy.suitable()) {
                problems.add("Deleted-by column " + column + " of " + name + " is " + deletedBy.type()
                        + (deletedBy.nullable() ? "" : " NOT NULL") + ": it must be nullable text (VARCHAR).");
            }
        }

        List<String> markerIndexes = new ArrayList<>();
        for (IndexInfo index : context.catalog().indexes(table.name())) {
            if (index.leadsWith(declared.markerColumn())) {
                markerIndexes.add(index.name());
            }
        }
        if (marker.present() && markerIndexes.isEmpty()) {
            warnings.add("No index of " + name + " starts with " + declared.markerColumn() + ": listing deleted rows"
                    + " and the retention purge read the whole table; CREATE INDEX ix_" + name + "_"
                    + declared.markerColumn() + " ON " + name + " (" + declared.markerColumn() + ").");
        }

        List<UniqueKeyReport> uniqueKeys = new ArrayList<>();
        for (UniqueKeyInfo unique : table.uniqueKeys()) {
            if (unique.primaryKey()) {
                continue;
            }
            UniqueKeyReport.Coverage coverage = coverage(unique, declared.markerColumn());
            uniqueKeys.add(new UniqueKeyReport(unique.name(), unique.columns(), coverage));
            if (coverage == UniqueKeyReport.Coverage.NOT_ENFORCED_AMONG_ACTIVE_ROWS) {
                warnings.add("Unique key " + unique.name() + " of " + name + " includes the marker "
                        + declared.markerColumn() + ": active rows all have a NULL marker, which unique indexes treat"
                        + " as distinct, so it lets duplicates among active rows through; make it unique among active"
                        + " rows instead (ActiveUniqueKeys in softdelete-hibernate emits the DDL).");
            } else if (coverage == UniqueKeyReport.Coverage.ALL_ROWS) {
                warnings.add("Unique key " + unique.name() + " of " + name + " on " + unique.columns() + " counts"
                        + " deleted rows too: a deleted row's key stays taken until it is purged; if the key should be"
                        + " reusable, make it unique among active rows (a partial index, or the " + ACTIVE_FLAG_COLUMN
                        + " flag column; ActiveUniqueKeys emits the DDL).");
            }
        }

        Long active = null;
        Long deleted = null;
        Long deletedLastDay = null;
        Long size = null;
        if (marker.present()) {
            Dialect dialect = context.dialect();
            String quotedMarker = dialect.quote(Identifier.quoted(marker.name()));
            ColumnInfo markerColumn = table.column(marker.name()).orElseThrow();
            // One pass: all rows, deleted rows, and (for a timestamp marker) rows deleted in the last day.
            Sql count = Sql.of("SELECT COUNT(*), COUNT(" + quotedMarker + ")");
            if (marker.suitable()) {
                count = count.append(", COUNT(CASE WHEN " + quotedMarker + " >= ? THEN 1 END)", new TimestampValue(
                        context.clock().instant().minus(Duration.ofDays(1)), markerColumn.hasTimeZone()));
            }
            Sql query = count.append(" FROM " + dialect.quote(Identifier.quoted(table.name())));
            boolean lastDay = marker.suitable();
            long[] counts = context.jdbc().withConnection(c -> context.jdbc().query(c, query.text(),
                    (ResultSet rs) -> new long[] {rs.getLong(1), rs.getLong(2), lastDay ? rs.getLong(3) : -1},
                    query.args()).get(0));
            deleted = counts[1];
            active = counts[0] - counts[1];
            deletedLastDay = lastDay ? counts[2] : null;
        }
        OptionalLong bytes = context.jdbc().withConnection(c -> context.dialect().tableSizeBytes(c,
                context.dialect().scope(c), table.name()));
        if (bytes.isPresent()) {
            size = bytes.getAsLong();
        }
        return new TableReport(name, true, key, marker, deletedBy, markerIndexes, uniqueKeys, active, deleted,
                deletedLastDay, size, context.clock().instant(), problems, warnings);
    }

    private static ColumnReport column(TableInfo table, String name, Predicate<ColumnInfo> suitable) {
        return table.column(name).map(c -> new ColumnReport(c.name(), true, c.typeName(), c.nullable(), suitable.test(c)))
                .orElseGet(() -> ColumnReport.missing(name));
    }

    private static boolean isUniqueKey(TableInfo table, String column) {
        return table.uniqueKeys().stream().anyMatch(k -> k.columns().size() == 1
                && k.columns().get(0).equalsIgnoreCase(column) && (k.primaryKey() || k.filterCondition() == null));
    }

    private static UniqueKeyReport.Coverage coverage(UniqueKeyInfo key, String marker) {
        String filter = key.filterCondition() == null ? "" : key.filterCondition().toLowerCase(Locale.ROOT);
        if (filter.contains(marker.toLowerCase(Locale.ROOT)) && filter.contains("is null")) {
            return UniqueKeyReport.Coverage.ACTIVE_ROWS;
        }
        if (key.columns().stream().anyMatch(c -> c.equalsIgnoreCase(ACTIVE_FLAG_COLUMN))) {
            return UniqueKeyReport.Coverage.ACTIVE_ROWS;
        }
        if (key.columns().stream().anyMatch(c -> c.equalsIgnoreCase(marker))) {
            return UniqueKeyReport.Coverage.NOT_ENFORCED_AMONG_ACTIVE_ROWS;
        }
        return UniqueKeyReport.Coverage.ALL_ROWS;
    }

    /** Synchronized: a check that finds the gauges registered must also find them in the registry. */
    private synchronized void registerGauges(String table) {
        String key = key(table);
        if (!gauged.add(key)) {
            return;
        }
        gauge(MetricNames.TABLE_ROWS, MetricTags.of("table", table, "state", "active"), key, TableReport::activeRows);
        gauge(MetricNames.TABLE_ROWS, MetricTags.of("table", table, "state", "deleted"), key, TableReport::deletedRows);
        gauge(MetricNames.TABLE_SIZE, MetricTags.of("table", table), key, TableReport::sizeBytes);
    }

    private void gauge(String name, MetricTags tags, String key, Function<TableReport, Long> value) {
        context.metrics().gauge(name, tags, () -> {
            TableReport report = latest.get(key);
            Long v = report == null ? null : value.apply(report);
            return v == null ? Double.NaN : v;
        });
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
