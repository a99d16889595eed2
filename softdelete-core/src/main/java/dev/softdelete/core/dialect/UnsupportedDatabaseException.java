package dev.softdelete.core.dialect;

import dev.softdelete.core.SoftDeleteException;

/** The database (or one of its versions) cannot do what was asked. */
public class UnsupportedDatabaseException extends SoftDeleteException {

    /** Creates the exception with a message naming the database and what it cannot do. */
    public UnsupportedDatabaseException(String message) {
        super(message);
    }
}
