package dev.softdelete.hibernate.restore;

import dev.softdelete.core.SoftDeleteException;
import java.util.List;

/**
 * Restoring a row would give two active rows the same unique key. Nothing was changed.
 */
public class RestoreConflictException extends SoftDeleteException {

    private final String entity;
    private final Object id;
    private final String constraint;
    private final List<String> columns;
    private final Object conflictingId;

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

    public String entity() {
        return entity;
    }

    public Object id() {
        return id;
    }

    /** The unique constraint (or unique index) name, as the catalog reports it. */
    public String constraint() {
        return constraint;
    }

    public List<String> columns() {
        return columns;
    }

    /** The key of the active row holding the same unique values. */
    public Object conflictingId() {
        return conflictingId;
    }
}
