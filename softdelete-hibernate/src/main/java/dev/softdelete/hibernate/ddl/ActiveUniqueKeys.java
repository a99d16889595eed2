package dev.softdelete.hibernate.ddl;

import dev.softdelete.core.check.TableCheck;
import dev.softdelete.core.dialect.Dialect;
import java.util.List;

/**
 * DDL for unique keys that only active rows must respect, so that a new row may reuse the key of
 * a deleted one, and for indexes serving active-row lookups. Two strategies, chosen by what the
 * dialect can do: a partial index where the database has them, otherwise a generated flag column
 * ({@value #FLAG_COLUMN}: 1 when active, NULL when deleted) added to the key, since unique
 * indexes treat NULLs as distinct.
 *
 * <pre>{@code
 * ActiveUniqueKeys.forDialect(softDelete.dialect())
 *         .uniqueAmongActive("uq_products_sku", "products", "deleted_at", "sku")
 *         .forEach(jdbcTemplate::execute);
 * }</pre>
 */
public interface ActiveUniqueKeys {

    /**
     * The generated column used by databases without partial indexes; the core's table setup check
     * recognizes active-only unique keys by it.
     */
    String FLAG_COLUMN = TableCheck.ACTIVE_FLAG_COLUMN;

    /** Statements creating a unique index on {@code columns} among rows whose marker is NULL. */
    List<String> uniqueAmongActive(String indexName, String table, String markerColumn, String... columns);

    /** Statements creating an index for lookups of active rows by {@code columns}. */
    List<String> activeLookupIndex(String indexName, String table, String markerColumn, String... columns);

    /**
     * The strategy for a database: partial indexes where {@link Dialect#supportsPartialIndex()},
     * otherwise the generated flag column.
     */
    static ActiveUniqueKeys forDialect(Dialect dialect) {
        return dialect.supportsPartialIndex() ? new PartialIndexUniqueKeys(dialect)
                : new GeneratedColumnUniqueKeys(dialect);
    }
}
