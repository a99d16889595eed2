package dev.softdelete.hibernate.restore;

import dev.softdelete.core.SoftDeleteException;
import java.util.List;

/**
 * Restoring a row would give two active rows the same unique key. Nothing was changed.
 */
public class RestoreConflictException extends SoftDeleteException {

    /** The entity's label. */
    private final String entity;
    /** The id of the row that was to be restored. */
    private final Object id;
    /** The violated unique constraint or index. */
    private final String constraint;
    /** Its columns, lower case. */
    private final List<String> columns;
    /** The key of the active row holding the same values. */
    private final Object conflictingId;

    /**
     * Creates the exception; its message names the conflicting row and what to do.
     *
     * @param entity        the entity's label
     * @param id            the row that was to be restored
     * @param constraint    the unique constraint or index that would be violated
     * @param columns       its columns (lower case)
     * @param conflictingId the active row holding the same values
     */
    public RestoreConflictException(String entity, Object id, String constraint, List<String> columns,
            Object conflictingId) {
        super("Cannot restore " + entity + " " + id + ": unique constraint " + constraint + " on " + columns
                + " is already taken by active row " + conflictingId + ". Nothing was restored. Delete or change"
                + " row " + conflictingId + " first, or restore " + id + " with another key.");
        this.entity = entity;
        this.id = id;
        this.constraint = constraint;
        this.columns = List.copyOf(columns);
        this.conflictingId = conflictingId;
    }

    /** The entity's label (simple class name). */
    public String entity() {
        return entity;
    }

    /** The id of the row that was to be restored. */
    public Object id() {
        return id;
    }

    /** The unique constraint (or unique index) name, as the catalog reports it. */
    public String constraint() {
        return constraint;
    }

    /** The key's columns, lower case, without the library's generated flag column. */
    public List<String> columns() {
        return columns;
    }

    /** The key of the active row holding the same unique values. */
    public Object conflictingId() {
        return conflictingId;
    }
}
