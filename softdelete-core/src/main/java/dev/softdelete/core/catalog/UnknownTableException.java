package dev.softdelete.core.catalog;

import dev.softdelete.core.SoftDeleteException;

/** A table or column named by the caller does not exist in the current schema. */
public class UnknownTableException extends SoftDeleteException {

    public UnknownTableException(String message) {
        super(message);
    }
}
