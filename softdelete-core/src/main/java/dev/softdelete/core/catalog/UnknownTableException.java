package dev.softdelete.core.catalog;

import dev.softdelete.core.SoftDeleteException;

/** A table or column named by the caller does not exist in the current schema. */
public class UnknownTableException extends SoftDeleteException {

    /** Creates the exception with a message naming the missing table or column. */
    public UnknownTableException(String message) {
        super(message);
    }
}
