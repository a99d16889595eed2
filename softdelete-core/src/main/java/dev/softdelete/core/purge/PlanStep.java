package dev.softdelete.core.purge;

import dev.softdelete.core.catalog.ColumnInfo;
import dev.softdelete.core.catalog.ForeignKeyInfo;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.internal.KeyCodec;
import java.util.List;

/**
 * One table of a purge plan.
 *
 * @param table        the table as the catalog describes it
 * @param key          its single-column primary key
 * @param marker       its soft-delete marker column (a timestamp)
 * @param parentEdges  foreign keys from this table to tables earlier in the plan (empty for the
 *                     policy's own table): a row is in scope only if it references an expiring row
 * @param referencedBy every foreign key into this table; a row still referenced is never deleted
 * @param archiveTable where its rows go in archive mode
 */
public record PlanStep(TableInfo table, ColumnInfo key, ColumnInfo marker, List<ForeignKeyInfo> parentEdges,
        List<ForeignKeyInfo> referencedBy, String archiveTable) {

    /** Copies the lists. */
    public PlanStep {
        parentEdges = List.copyOf(parentEdges);
        referencedBy = List.copyOf(referencedBy);
    }

    /** Returns the table's name as the catalog stores it. */
    public String name() {
        return table.name();
    }

    /** Whether this is the policy's own table (not a child reached through a foreign key). */
    public boolean isRoot() {
        return parentEdges.isEmpty();
    }

    /**
     * How keys of this table are bound and written in cursors.
     *
     * @throws PurgeConfigurationException when the key's type cannot be batched by exactly
     */
    public KeyCodec keyCodec() {
        return KeyCodec.of(key).orElseThrow(() -> new PurgeConfigurationException("Table '" + name()
                + "' has primary key column '" + key.name() + "' of type " + key.typeName() + "; purging batches by"
                + " an integer, decimal, character, UUID or binary key. Nothing was changed."));
    }

    /** Whether the key is an integer type (the cleanup queue can slice it into key ranges then). */
    public boolean numericKey() {
        return KeyCodec.of(key).orElse(null) == KeyCodec.INTEGER;
    }
}
