package dev.softdelete.hibernate;

import dev.softdelete.core.SoftDeleteException;

/** No row of the entity's table has the given id (deleted or not). */
public class RowNotFoundException extends SoftDeleteException {

    /**
     * @param entity    the entity's label (simple class name)
     * @param id        the id that matched no row
     * @param operation what was attempted, e.g. {@code restore}, for the message
     */
    public RowNotFoundException(String entity, Object id, String operation) {
        super("Cannot " + operation + " " + entity + " with id " + id + ": no such row exists. Check the id;"
                + " a purged row cannot be restored.");
    }
}
