package dev.softdelete.proxy.internal.telemetry;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.proxy.analysis.WatchedElement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the watched elements from the deprecation registry ({@code deprecations} rows with
 * {@code watch = TRUE}): a deprecated column is watched under its original name and, once
 * renamed, under its deprecated name too; a deprecated table likewise. Other object types
 * (indexes, constraints, enum types, sequences) are not statement-visible and are skipped. Rows
 * in status APPLIED also say which original names are gone (renamed away): a statement still using
 * one fails in the database, and is alerted every time (see {@link QuietPeriodAlerts#renamed}).
 */
public final class DeprecationRegistryReader {

    private final SoftDelete softDelete;

    public DeprecationRegistryReader(SoftDelete softDelete) {
        this.softDelete = softDelete;
    }

    /**
     * What the registry says.
     *
     * @param watched the elements to watch
     * @param renamed element key (original name, lower case) to its deprecated name, for elements
     *                renamed and not rolled back
     */
    public record Snapshot(Set<WatchedElement> watched, Map<String, String> renamed) {
    }

    public Snapshot read() {
        String sql = "SELECT object_type, table_name, object_name, deprecated_name, status FROM "
                + softDelete.schema().table(LibraryTable.DEPRECATIONS) + " WHERE watch = ? ORDER BY id";
        Set<WatchedElement> out = new LinkedHashSet<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        softDelete.jdbc().withConnection(c -> softDelete.jdbc().query(c, sql, rs -> {
            String type = rs.getString(1).toUpperCase(Locale.ROOT);
            String table = rs.getString(2);
            String object = rs.getString(3);
            String deprecatedName = rs.getString(4);
            boolean applied = "APPLIED".equalsIgnoreCase(rs.getString(5));
            if (type.equals("COLUMN")) {
                out.add(WatchedElement.column(table, object));
                if (deprecatedName != null) {
                    out.add(WatchedElement.column(table, deprecatedName));
                    if (applied) {
                        renamed.put(WatchedElement.column(table, object).key().toLowerCase(Locale.ROOT), deprecatedName);
                    }
                }
            } else if (type.equals("TABLE")) {
                out.add(WatchedElement.table(object));
                if (deprecatedName != null) {
                    out.add(WatchedElement.table(deprecatedName));
                    if (applied) {
                        renamed.put(object.toLowerCase(Locale.ROOT), deprecatedName);
                    }
                }
            }
            return null;
        }, true));
        return new Snapshot(out, renamed);
    }
}
