package dev.softdelete.hibernate.ddl;

import dev.softdelete.core.dialect.Dialect;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** For databases with partial indexes: indexes {@code WHERE marker IS NULL}. */
final class PartialIndexUniqueKeys implements ActiveUniqueKeys {

    private final Dialect dialect;

    PartialIndexUniqueKeys(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public List<String> uniqueAmongActive(String indexName, String table, String markerColumn, String... columns) {
        return List.of(index("CREATE UNIQUE INDEX ", indexName, table, markerColumn, columns));
    }

    @Override
    public List<String> activeLookupIndex(String indexName, String table, String markerColumn, String... columns) {
        return List.of(index("CREATE INDEX ", indexName, table, markerColumn, columns));
    }

    private String index(String create, String indexName, String table, String markerColumn, String... columns) {
        return create + "IF NOT EXISTS " + dialect.quote(indexName) + " ON " + dialect.quote(table) + " ("
                + Arrays.stream(columns).map(dialect::quote).collect(Collectors.joining(", ")) + ") WHERE "
                + dialect.quote(markerColumn) + " IS NULL";
    }
}
