package dev.softdelete.hibernate;

import dev.softdelete.core.SoftDeleteException;

/** An entity class passed to the soft-delete API is not annotated with {@link SoftDeletable}. */
public class NotSoftDeletableException extends SoftDeleteException {

    /** @param entity the class name passed to the API */
    public NotSoftDeletableException(String entity) {
        super("Entity " + entity + " is not soft-deletable: annotate it with @SoftDeletable (and make sure the"
                + " session factory was built with softdelete-hibernate on the class path).");
    }
}
