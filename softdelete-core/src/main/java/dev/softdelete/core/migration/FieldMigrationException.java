package dev.softdelete.core.migration;

import dev.softdelete.core.SoftDeleteException;

/** A field migration could not be defined or a step of it failed; the message says what to do next. */
public class FieldMigrationException extends SoftDeleteException {

    /** Creates the exception with a message that says what, where and what to do next. */
    public FieldMigrationException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that caused it. */
    public FieldMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
