package dev.softdelete.hibernate.restore;

import dev.softdelete.core.SoftDeleteException;

/** The row to restore is not deleted. */
public class NotDeletedException extends SoftDeleteException {

    public NotDeletedException(String entity, Object id) {
        super("Cannot restore " + entity + " " + id + ": it is not deleted. Nothing was changed.");
    }
}
