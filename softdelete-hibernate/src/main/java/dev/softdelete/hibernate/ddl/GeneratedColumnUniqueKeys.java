package dev.softdelete.hibernate.ddl;

import dev.softdelete.core.dialect.Dialect;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For databases without partial indexes: a generated column {@value #FLAG_COLUMN} is 1 for active
 * rows and NULL for deleted ones, and the unique index covers the key plus that column. The column
 * definition comes from {@link Dialect#generatedColumn}, which keeps it virtual (no table rewrite).
 * Lookups of active rows use an index on the key followed by the marker.
 */
final class GeneratedColumnUniqueKeys implements ActiveUniqueKeys {

    private final Dialect dialect;

    GeneratedColumnUniqueKeys(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public List<String> uniqueAmongActive(String indexName, String table, String markerColumn, String... columns) {
        String flag = dialect.quote(FLAG_COLUMN);
        String activeFlag = "CASE WHEN " + dialect.quote(markerColumn) + " IS NULL THEN 1 END";
        return List.of("ALTER TABLE " + dialect.quote(table) + " ADD COLUMN IF NOT EXISTS " + flag + " "
                        + dialect.generatedColumn("SMALLINT", activeFlag),
                "CREATE UNIQUE INDEX " + dialect.quote(indexName) + " ON " + dialect.quote(table) + " ("
                        + Stream.concat(Arrays.stream(columns).map(dialect::quote), Stream.of(flag))
                                .collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public List<String> activeLookupIndex(String indexName, String table, String markerColumn, String... columns) {
        return List.of("CREATE INDEX " + dialect.quote(indexName) + " ON " + dialect.quote(table) + " ("
                + Stream.concat(Arrays.stream(columns), Stream.of(markerColumn)).map(dialect::quote)
                        .collect(Collectors.joining(", ")) + ")");
    }
}
