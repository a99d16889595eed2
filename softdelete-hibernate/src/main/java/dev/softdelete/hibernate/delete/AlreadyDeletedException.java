package dev.softdelete.hibernate.delete;

import dev.softdelete.core.SoftDeleteException;

/** The row to soft-delete is already deleted. */
public class AlreadyDeletedException extends SoftDeleteException {

    /**
     * @param entity the entity's label (simple class name)
     * @param id     the row's id
     */
    public AlreadyDeletedException(String entity, Object id) {
        super("Cannot delete " + entity + " " + id + ": it is already deleted. Nothing was changed;"
                + " use hardDelete to remove it for good.");
    }
}
