package dev.softdelete.core.deprecation;

import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.core.schema.LibrarySchema;
import dev.softdelete.core.schema.LibraryTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Reads the usage evidence the JDBC proxy writes to {@code {prefix}deprecated_usage} (the proxy's
 * {@code UsageStore} owns the writes; core only reads). Element keys are {@code table.column} or
 * {@code table}, compared without regard to case.
 */
final class DeprecatedUsage {

    private final Jdbc jdbc;
    private final String table;

    DeprecatedUsage(Jdbc jdbc, LibrarySchema schema) {
        this.jdbc = jdbc;
        this.table = schema.table(LibraryTable.DEPRECATED_USAGE);
    }

    /** One stored row. */
    record Row(String element, String instance, long count, Instant firstAccess, Instant lastAccess, String caller) {
    }

    /** The rows of any of {@code keys}. */
    List<Row> rows(Connection c, Collection<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        keys.forEach(k -> params.add(k.toLowerCase(Locale.ROOT)));
        String in = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        return jdbc.query(c, "SELECT element, instance_id, access_count, first_access, last_access, caller FROM " + table
                + " WHERE LOWER(element) IN (" + in + ") ORDER BY element, instance_id", rs -> new Row(
                        rs.getString(1), rs.getString(2), rs.getLong(3), jdbc.dialect().getInstant(rs, "first_access"),
                        jdbc.dialect().getInstant(rs, "last_access"), rs.getString(6)), params.toArray());
    }

    /** Total accesses recorded under any of {@code keys}. */
    long total(Connection c, Collection<String> keys) throws SQLException {
        return rows(c, keys).stream().mapToLong(Row::count).sum();
    }
}
