package dev.softdelete.hibernate.restore;

import dev.softdelete.core.SoftDeleteException;

/** The row to restore is not deleted. */
public class NotDeletedException extends SoftDeleteException {

    /**
     * @param entity the entity's label (simple class name)
     * @param id     the row's id
     */
    public NotDeletedException(String entity, Object id) {
        super("Cannot restore " + entity + " " + id + ": it is not deleted. Nothing was changed.");
    }
}
