package dev.softdelete.proxy.internal.telemetry;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.proxy.analysis.WatchedElement;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the watched elements from the deprecation registry ({@code deprecations} rows with
 * {@code watch = TRUE}): a deprecated column is watched under its original name and, once
 * renamed, under its deprecated name too; a deprecated table likewise. Other object types
 * (indexes, constraints) are not statement-visible and are skipped.
 */
public final class DeprecationRegistryReader {

    private final SoftDelete softDelete;

    public DeprecationRegistryReader(SoftDelete softDelete) {
        this.softDelete = softDelete;
    }

    public Set<WatchedElement> read() {
        String sql = "SELECT object_type, table_name, object_name, deprecated_name FROM "
                + softDelete.schema().table(LibraryTable.DEPRECATIONS) + " WHERE watch = ?";
        Set<WatchedElement> out = new LinkedHashSet<>();
        softDelete.jdbc().withConnection(c -> softDelete.jdbc().query(c, sql, rs -> {
            String type = rs.getString(1).toUpperCase(Locale.ROOT);
            String table = rs.getString(2);
            String object = rs.getString(3);
            String deprecatedName = rs.getString(4);
            if (type.equals("COLUMN")) {
                out.add(WatchedElement.column(table, object));
                if (deprecatedName != null) {
                    out.add(WatchedElement.column(table, deprecatedName));
                }
            } else if (type.equals("TABLE")) {
                out.add(WatchedElement.table(object));
                if (deprecatedName != null) {
                    out.add(WatchedElement.table(deprecatedName));
                }
            }
            return null;
        }, true));
        return out;
    }
}
