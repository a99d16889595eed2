package dev.softdelete.core.table;

import dev.softdelete.core.dialect.Identifier;
import java.util.Objects;
import java.util.Optional;

/**
 * The one description of a soft-deletable table that every module reads: runs, retention purge,
 * the cleanup queue, the JDBC proxy's leak detection and the Hibernate integration (which
 * contributes one per {@code @SoftDeletable} entity). Children are not listed here: they are read
 * from the catalog's foreign keys, so the graph always matches the schema.
 *
 * <pre>{@code
 * SoftDelete.builder(dataSource)
 *         .softDeletable(SoftDeletableTable.of("products").withMarkerColumn("removed_at"))
 *         .build();
 * }</pre>
 *
 * Every name is validated as a plain identifier when the object is built.
 *
 * @param table           the table
 * @param keyColumn       its single-column key, which batches are paginated and recorded by
 * @param markerColumn    the timestamp column that is {@code NULL} while a row is active
 * @param deletedByColumn the column that records who deleted a row; {@code null}: none
 */
public record SoftDeletableTable(String table, String keyColumn, String markerColumn, String deletedByColumn) {

    /** Default marker column. */
    public static final String DEFAULT_MARKER = "deleted_at";
    /** Default deleted-by column (used where the table has it). */
    public static final String DEFAULT_DELETED_BY = "deleted_by";
    /** Default key column. */
    public static final String DEFAULT_KEY = "id";

    /**
     * Checks every name.
     *
     * @throws dev.softdelete.core.dialect.InvalidIdentifierException when a name is not a plain identifier
     */
    public SoftDeletableTable {
        Identifier.of(Objects.requireNonNull(table, "table"));
        Identifier.of(Objects.requireNonNull(keyColumn, "keyColumn"));
        Identifier.of(Objects.requireNonNull(markerColumn, "markerColumn"));
        if (deletedByColumn != null) {
            Identifier.of(deletedByColumn);
        }
    }

    /** {@code table} with key {@code id}, marker {@code deleted_at} and deleted-by {@code deleted_by}. */
    public static SoftDeletableTable of(String table) {
        return new SoftDeletableTable(table, DEFAULT_KEY, DEFAULT_MARKER, DEFAULT_DELETED_BY);
    }

    /** Returns a copy with another key column. */
    public SoftDeletableTable withKeyColumn(String keyColumn) {
        return new SoftDeletableTable(table, keyColumn, markerColumn, deletedByColumn);
    }

    /** Returns a copy with another marker column. */
    public SoftDeletableTable withMarkerColumn(String markerColumn) {
        return new SoftDeletableTable(table, keyColumn, markerColumn, deletedByColumn);
    }

    /** The deleted-by column; {@code null} for none. */
    public SoftDeletableTable withDeletedByColumn(String deletedByColumn) {
        return new SoftDeletableTable(table, keyColumn, markerColumn, deletedByColumn);
    }

    /** The deleted-by column, if the table records who deleted a row. */
    public Optional<String> deletedBy() {
        return Optional.ofNullable(deletedByColumn);
    }
}
